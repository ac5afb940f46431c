package uk.gov.tfwh.etl.spark;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.spark.Spark3Util;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings;

/**
 * The warehouse's Iceberg catalog as Spark sees it (docs/design/iceberg.md, section 5.1): Iceberg's
 * session extensions and {@code spark.sql.catalog.<name>.*} from the one catalog setting, so Spark
 * writes {@code <name>.<namespace>.fact_claim} through the same JDBC catalog the driver commits to.
 */
public final class IcebergSparkCatalog {
  static final String EXTENSIONS_KEY = "spark.sql.extensions";
  static final String EXTENSIONS =
      "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions";

  private IcebergSparkCatalog() {}

  /**
   * The catalog's Spark settings. Spark keeps its own file IO (Hadoop's, which Spark has) for
   * {@code file:} warehouses; both write {@code file:/...} locations. For {@code s3://} warehouses
   * it takes Iceberg's S3FileIO, as the driver does: Spark has no file system for {@code s3:}, and
   * the executors write the data files through the table's serialised file IO. Its table cache is
   * off: the driver commits branches and deletes through its own catalog between Spark's writes,
   * and a cached table would not see them.
   */
  public static Map<String, String> properties(CatalogSettings settings) {
    String prefix = "spark.sql.catalog." + settings.name();
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put(prefix, "org.apache.iceberg.spark.SparkCatalog");
    properties.put(prefix + ".type", "jdbc");
    properties.put(prefix + ".cache-enabled", "false");
    settings
        .icebergProperties(System.getenv())
        .forEach(
            (key, value) -> {
              if (!key.equals("io-impl") || settings.onObjectStorage()) {
                properties.put(prefix + "." + key, value);
              }
            });
    return properties;
  }

  /**
   * Adds the extensions (keeping any spark-submit gave) and the catalog to a session's settings.
   */
  static void configure(SparkConf conf, CatalogSettings settings) {
    String extensions = conf.get(EXTENSIONS_KEY, "");
    if (!extensions.contains(EXTENSIONS)) {
      conf.set(EXTENSIONS_KEY, extensions.isEmpty() ? EXTENSIONS : extensions + "," + EXTENSIONS);
    }
    properties(settings).forEach(conf::set);
  }

  /**
   * The Iceberg catalog behind a session's Spark catalog of this name: the driver's commits go
   * through it too, so one process has one connection to the catalog database.
   */
  public static Catalog icebergCatalog(SparkSession session, CatalogSettings settings) {
    // Spark resolves catalogs through the thread's active session's settings.
    scala.Option<SparkSession> active = SparkSession.getActiveSession();
    SparkSession.setActiveSession(session);
    try {
      return Spark3Util.loadIcebergCatalog(session, settings.name());
    } finally {
      if (active.isDefined()) {
        SparkSession.setActiveSession(active.get());
      } else {
        SparkSession.clearActiveSession();
      }
    }
  }

  /**
   * A session of the load's Spark application that sees this warehouse's catalog: a new session (it
   * shares the application, not the settings), so two warehouses loaded by one JVM, as the tests
   * do, each get their own catalog under the one name.
   */
  public static SparkSession session(SparkSession spark, CatalogSettings settings) {
    requireNonNull(settings, "settings");
    SparkSession session = spark.newSession();
    properties(settings).forEach((key, value) -> session.conf().set(key, value));
    return session;
  }
}
