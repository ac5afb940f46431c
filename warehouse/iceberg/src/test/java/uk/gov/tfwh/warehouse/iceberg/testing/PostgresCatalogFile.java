package uk.gov.tfwh.warehouse.iceberg.testing;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings;

/**
 * A catalog settings file for a fresh database on the JVM's {@link LocalPostgres}, as an operator
 * writes one for {@code --catalog}: the password named by an environment variable, never written.
 *
 * @param file the settings file written
 * @param passwordEnv the variable the password is read from
 * @param environment that variable with the server's password, for the processes the test runs
 */
public record PostgresCatalogFile(Path file, String passwordEnv, Map<String, String> environment) {
  /** The variable the tests pass the password in. */
  public static final String PASSWORD_ENV = "TFWH_TEST_CATALOG_PASSWORD";

  public PostgresCatalogFile {
    requireNonNull(file, "file");
    requireNonNull(passwordEnv, "passwordEnv");
    environment = Map.copyOf(environment);
  }

  /**
   * Creates a database on the shared server and writes {@code file} for it, its tables under {@code
   * tablesDir}, catalog name {@code tfwh} and any extra settings.
   */
  public static PostgresCatalogFile write(Path file, Path tablesDir, Map<String, String> extra) {
    LocalPostgres server = LocalPostgres.shared();
    Properties properties = new Properties();
    properties.put(CatalogSettings.NAME, "tfwh");
    properties.put(CatalogSettings.URI, server.jdbcUrl(server.createDatabase("catalog")));
    properties.put(CatalogSettings.USER, server.user());
    properties.put(CatalogSettings.PASSWORD_ENV, PASSWORD_ENV);
    properties.put(CatalogSettings.WAREHOUSE, "file:" + tablesDir.toAbsolutePath());
    properties.putAll(extra);
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      try (Writer writer = Files.newBufferedWriter(file)) {
        properties.store(writer, "a test's PostgreSQL catalog");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new PostgresCatalogFile(file, PASSWORD_ENV, Map.of(PASSWORD_ENV, server.password()));
  }

  /** The settings as the commands read them. */
  public CatalogSettings settings(Path warehouseDir) {
    return CatalogSettings.read(file, warehouseDir);
  }
}
