package uk.gov.tfwh.etl;

import org.apache.spark.sql.SparkSession;
import uk.gov.tfwh.etl.spark.SparkSessions;

/** One local Spark session for every test of the JVM: starting one takes seconds. */
public final class SharedSpark {
  private static SparkSession session;

  private SharedSpark() {}

  public static synchronized SparkSession session() {
    if (session == null) {
      session = SparkSessions.start(SparkSessions.DEFAULT_MASTER);
      Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
    }
    return session;
  }
}
