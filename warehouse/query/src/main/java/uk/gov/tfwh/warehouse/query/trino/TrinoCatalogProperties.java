package uk.gov.tfwh.warehouse.query.trino;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings.Database;
import uk.gov.tfwh.warehouse.iceberg.catalog.LocalFileIO;
import uk.gov.tfwh.warehouse.iceberg.catalog.S3Settings;

/**
 * The warehouse's catalog settings as a Trino Iceberg catalog ({@code
 * etc/catalog/<name>.properties}, written by {@code ./tfwh trino start}): the same JDBC catalog the
 * load and the API use, so Trino reads exactly the releases they see. The one place the settings
 * are mapped to Trino's keys.
 *
 * <p>An {@code s3://} warehouse is read through Trino's native S3 file system, set from the same
 * {@code tfwh.s3.*} settings as Iceberg's {@code S3FileIO}.
 *
 * <p>Secrets are never written: for the password and the S3 keys the file says {@code
 * ${ENV:VARIABLE}}, which Trino reads from its own environment when it starts.
 */
public record TrinoCatalogProperties(CatalogSettings settings) {
  /** Catalogs {@code ./tfwh trino} configures itself, which the warehouse's cannot replace. */
  static final Set<String> RESERVED = Set.of("hive", "tpch", "system");

  public TrinoCatalogProperties {
    requireNonNull(settings, "settings");
    if (RESERVED.contains(settings.name())) {
      throw new IllegalArgumentException(
          CatalogSettings.NAME
              + " must not be "
              + settings.name()
              + ": Trino already has a catalog of that name");
    }
  }

  /** The Trino catalog's name: the file's name, and the catalog part of every table name. */
  public String catalogName() {
    return settings.name();
  }

  /** The file name under {@code etc/catalog}. */
  public String fileName() {
    return catalogName() + ".properties";
  }

  /** The catalog's properties, in the order the file lists them. */
  public Map<String, String> properties() {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("connector.name", "iceberg");
    properties.put("iceberg.catalog.type", "jdbc");
    properties.put(
        "iceberg.jdbc-catalog.driver-class",
        settings.database() == Database.SQLITE ? "org.sqlite.JDBC" : "org.postgresql.Driver");
    // With SQLite's write-ahead log and busy timeout, so Trino's reads never block a load's commit.
    properties.put("iceberg.jdbc-catalog.connection-url", settings.jdbcUrl());
    settings.user().ifPresent(user -> properties.put("iceberg.jdbc-catalog.connection-user", user));
    settings
        .passwordEnv()
        .ifPresent(
            variable -> properties.put("iceberg.jdbc-catalog.connection-password", env(variable)));
    // Iceberg's catalog_name column: must equal what the load writes, or Trino sees no tables.
    properties.put("iceberg.jdbc-catalog.catalog-name", settings.name());
    if (settings.onObjectStorage()) {
      properties.put("iceberg.jdbc-catalog.default-warehouse-dir", settings.warehouse());
      properties.putAll(objectStorage(settings.s3()));
    } else {
      // file:/// rather than Trino's local:///, so a table Trino creates stays readable by Spark
      // and by Iceberg's Java API (docs/design/iceberg.md, 5.11).
      properties.put(
          "iceberg.jdbc-catalog.default-warehouse-dir",
          "file://" + LocalFileIO.path(settings.warehouse()));
      properties.put("fs.native-local.enabled", "true");
      properties.put("local.location", "/");
    }
    return properties;
  }

  /**
   * The environment variables Trino must be started with, by the setting that names each: the ones
   * the file reads as {@code ${ENV:VARIABLE}} (the catalog password, the S3 keys). Trino cannot
   * load the catalog without them.
   */
  public Map<String, String> environmentVariables() {
    Map<String, String> variables = new LinkedHashMap<>();
    settings.passwordEnv().ifPresent(v -> variables.put(CatalogSettings.PASSWORD_ENV, v));
    settings
        .s3()
        .accessKeyEnv()
        .ifPresent(v -> variables.put(CatalogSettings.S3_ACCESS_KEY_ENV, v));
    settings
        .s3()
        .secretKeyEnv()
        .ifPresent(v -> variables.put(CatalogSettings.S3_SECRET_KEY_ENV, v));
    return variables;
  }

  /**
   * Trino's native S3 file system, reaching the bucket the way {@code S3FileIO} does from the same
   * {@code tfwh.s3.*} settings; a setting left out leaves Trino's (the AWS SDK's) default.
   */
  private static Map<String, String> objectStorage(S3Settings s3) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("fs.native-s3.enabled", "true");
    s3.endpoint().ifPresent(endpoint -> properties.put("s3.endpoint", endpoint));
    properties.put("s3.path-style-access", Boolean.toString(s3.pathStyleAccess()));
    s3.region().ifPresent(region -> properties.put("s3.region", region));
    s3.accessKeyEnv().ifPresent(variable -> properties.put("s3.aws-access-key", env(variable)));
    s3.secretKeyEnv().ifPresent(variable -> properties.put("s3.aws-secret-key", env(variable)));
    return properties;
  }

  /** A secret as Trino reads it from its own environment: the file names only the variable. */
  private static String env(String variable) {
    return "${ENV:" + variable + "}";
  }

  /** The properties file's text. */
  public String fileText() {
    StringBuilder text =
        new StringBuilder(
            "# Written by ./tfwh trino start from the warehouse's catalog settings; do not edit.\n");
    properties().forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
    return text.toString();
  }
}
