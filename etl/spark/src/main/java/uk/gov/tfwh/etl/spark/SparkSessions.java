package uk.gov.tfwh.etl.spark;

import java.util.Optional;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings;

/**
 * The one way the load gets a Spark session. Settings given by {@code spark-submit} (or as {@code
 * -Dspark.*} system properties) win; otherwise a small local session is used.
 */
public final class SparkSessions {
  public static final String DEFAULT_MASTER = "local[2]";

  private SparkSessions() {}

  /**
   * @param master the master to use, or null to keep the one spark-submit supplied (local[2] when
   *     there is none)
   */
  public static SparkSession start(String master) {
    return start(master, Optional.empty());
  }

  /**
   * @param master as for {@link #start(String)}
   * @param catalog the Iceberg catalog the load writes, when it writes the Iceberg warehouse: the
   *     session then has Iceberg's extensions and the catalog ({@link IcebergSparkCatalog})
   */
  public static SparkSession start(String master, Optional<CatalogSettings> catalog) {
    SparkConf conf = new SparkConf();
    if (master != null) {
      conf.setMaster(master);
    } else if (!conf.contains("spark.master")) {
      conf.setMaster(DEFAULT_MASTER);
    }
    conf.setIfMissing("spark.app.name", "tfwh-load");
    conf.setIfMissing("spark.ui.enabled", "false");
    conf.setIfMissing("spark.sql.shuffle.partitions", "4");
    conf.setIfMissing("spark.default.parallelism", "4");
    // The warehouse is read by DuckDB and Trino: UTC instants, java.time values, no _SUCCESS files.
    conf.set("spark.sql.session.timeZone", "UTC");
    conf.set("spark.sql.datetime.java8API.enabled", "true");
    conf.set("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS");
    conf.set("spark.hadoop.mapreduce.fileoutputcommitter.marksuccessfuljobs", "false");
    conf.setIfMissing("spark.sql.adaptive.enabled", "true");
    catalog.ifPresent(settings -> IcebergSparkCatalog.configure(conf, settings));
    return SparkSession.builder().config(conf).getOrCreate();
  }
}
