package uk.gov.tfwh.warehouse.iceberg.catalog;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The catalog's database for the warehouse's own tables (the release tables next to Iceberg's
 * {@code iceberg_tables}): the same database and settings as the Iceberg catalog, one JDBC
 * connection per operation. The password (if any) is read from the environment when this is made
 * and kept out of {@code toString}.
 *
 * <p>SQLite connections open a transaction with {@code BEGIN IMMEDIATE} when autocommit is turned
 * off, so a writer takes SQLite's one write lock before it reads what it checks, and enforce
 * foreign keys (SQLite does not by default).
 */
public final class CatalogDatabase {
  private final CatalogSettings settings;
  private final Optional<String> password;

  private CatalogDatabase(CatalogSettings settings, Optional<String> password) {
    this.settings = settings;
    this.password = password;
  }

  /** The catalog's database, the password (if any) read from this process's environment. */
  public static CatalogDatabase of(CatalogSettings settings) {
    return of(settings, System.getenv());
  }

  /** The catalog's database, the password (if any) read from this environment. */
  public static CatalogDatabase of(CatalogSettings settings, Map<String, String> environment) {
    requireNonNull(settings, "settings");
    requireNonNull(environment, "environment");
    return new CatalogDatabase(
        settings,
        settings.passwordEnv().map(variable -> CatalogSettings.password(variable, environment)));
  }

  public CatalogSettings settings() {
    return settings;
  }

  /** The catalog's name, which scopes every row of the warehouse's tables. */
  public String catalogName() {
    return settings.name();
  }

  public CatalogSettings.Database database() {
    return settings.database();
  }

  /** A new connection, in autocommit mode; the caller closes it. */
  public Connection connect() throws SQLException {
    Properties properties = new Properties();
    settings.user().ifPresent(user -> properties.setProperty("user", user));
    password.ifPresent(secret -> properties.setProperty("password", secret));
    if (database() == CatalogSettings.Database.SQLITE) {
      createFolder(settings.sqliteFile().orElseThrow().getParent());
      properties.setProperty("transaction_mode", "IMMEDIATE");
      properties.setProperty("foreign_keys", "true");
    }
    return DriverManager.getConnection(settings.jdbcUrl(), properties);
  }

  @Override
  public String toString() {
    return "the catalog " + settings.name() + " at " + settings.uri();
  }

  private static void createFolder(Path folder) {
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the catalog's folder " + folder, e);
    }
  }
}
