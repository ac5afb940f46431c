package uk.gov.tfwh.etl.spark;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;
import uk.gov.tfwh.etl.concurrent.Completions;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings;

/**
 * A Spark session started on its own thread ({@link SparkSessions#start}) and handed out when first
 * asked for. A session takes seconds to start; a load spends most of a second before it needs one
 * (reference set, landing scan, the previous load's state), and a load with nothing new needs none,
 * so the two overlap.
 */
public final class BackgroundSparkSession implements Supplier<SparkSession>, AutoCloseable {
  private final CompletableFuture<SparkSession> starting;

  private BackgroundSparkSession(CompletableFuture<SparkSession> starting) {
    this.starting = starting;
  }

  /**
   * @param master as for {@link SparkSessions#start}
   */
  public static BackgroundSparkSession start(String master) {
    return start(master, Optional.empty());
  }

  /**
   * @param master as for {@link SparkSessions#start}
   * @param catalog as for {@link SparkSessions#start(String, Optional)}
   */
  public static BackgroundSparkSession start(String master, Optional<CatalogSettings> catalog) {
    CompletableFuture<SparkSession> starting =
        Completions.onOwnThread("tfwh-spark-start", () -> SparkSessions.start(master, catalog));
    return new BackgroundSparkSession(starting);
  }

  /** The session, once started; rethrows what stopped it starting. */
  @Override
  public SparkSession get() {
    return Completions.join(starting);
  }

  /** Stops the session, waiting for it to finish starting first (a half-started one leaks). */
  @Override
  public void close() {
    SparkSession session;
    try {
      session = starting.join();
    } catch (CompletionException e) {
      return; // it never started: nothing to stop
    }
    session.stop();
  }
}
