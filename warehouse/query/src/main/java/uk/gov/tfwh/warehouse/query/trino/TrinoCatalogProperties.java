package uk.gov.tfwh.warehouse.query.trino;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings.Database;
import uk.gov.tfwh.warehouse.iceberg.catalog.LocalFileIO;

/**
 * The warehouse's catalog settings as a Trino Iceberg catalog ({@code
 * etc/catalog/<name>.properties}, written by {@code ./tfwh trino start}): the same JDBC catalog the
 * load and the API use, so Trino reads exactly the releases they see. The one place the settings
 * are mapped to Trino's keys.
 *
 * <p>The password is never written: the file says {@code ${ENV:VARIABLE}}, which Trino reads from
 * its own environment when it starts.
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
            variable ->
                properties.put(
                    "iceberg.jdbc-catalog.connection-password", "${ENV:" + variable + "}"));
    // Iceberg's catalog_name column: must equal what the load writes, or Trino sees no tables.
    properties.put("iceberg.jdbc-catalog.catalog-name", settings.name());
    // file:/// rather than Trino's local:///, so a table Trino creates stays readable by Spark and
    // by Iceberg's Java API (docs/design/iceberg.md, 5.11).
    properties.put(
        "iceberg.jdbc-catalog.default-warehouse-dir",
        "file://" + LocalFileIO.path(settings.warehouse()));
    properties.put("fs.native-local.enabled", "true");
    properties.put("local.location", "/");
    return properties;
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
