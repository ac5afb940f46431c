package uk.gov.tfwh.warehouse.query.trino;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings;
import uk.gov.tfwh.warehouse.iceberg.testing.LocalPostgres;
import uk.gov.tfwh.warehouse.iceberg.testing.S3ProxyServer;
import uk.gov.tfwh.warehouse.testing.IcebergFixture;

/**
 * The one Trino of a test JVM (start-up takes 15-30 s on two shared cores): started on first use by
 * {@code infra/trino/trino.sh} with the TPC-H catalog and three Iceberg catalogs: {@code tfwh}, the
 * embedded (SQLite) catalog of a warehouse under {@code target/it/trino-iceberg}, and {@code
 * tfwh_pg} on the JVM's {@link LocalPostgres}, its password passed to Trino through the environment
 * as in production, and {@code tfwh_s3}, whose tables are in a bucket on the JVM's {@link
 * S3ProxyServer} (its keys passed the same way); stopped when the JVM exits. Tests commit the
 * Iceberg releases they read into {@link #iceberg()}, {@link #postgres()} or {@link #onS3()}; Trino
 * sees each commit at once.
 */
public final class SharedTrino {
  private static SharedTrino instance;

  /** The variable Trino and the tests read the PostgreSQL catalog's password from. */
  private static final String PASSWORD_ENV = "TFWH_IT_CATALOG_PASSWORD";

  private final LocalTrino trino;
  private final IcebergFixture iceberg;
  private final IcebergFixture postgres;
  private final IcebergFixture onS3;
  private final S3ProxyServer s3;
  private final Path it;

  private SharedTrino(
      LocalTrino trino,
      IcebergFixture iceberg,
      IcebergFixture postgres,
      IcebergFixture onS3,
      S3ProxyServer s3,
      Path it) {
    this.trino = trino;
    this.iceberg = iceberg;
    this.postgres = postgres;
    this.onS3 = onS3;
    this.s3 = s3;
    this.it = it;
  }

  /** The running Trino, started now if it is not yet. */
  public static synchronized SharedTrino get() {
    if (instance == null) {
      Path root = Path.of(System.getProperty("tfwh.root.dir", "..")).toAbsolutePath().normalize();
      Path it = Path.of(System.getProperty("tfwh.it.dir", "target/it")).toAbsolutePath();
      Path warehouse = it.resolve("trino-iceberg");
      Path s3Warehouse = it.resolve("trino-iceberg-s3");
      deleteTree(warehouse);
      deleteTree(s3Warehouse);
      deleteTree(it.resolve("trino"));
      // s3proxy starts (1 to 2 s) while the other catalogs are written
      CompletableFuture<S3ProxyServer> starting =
          CompletableFuture.supplyAsync(S3ProxyServer::shared);
      try {
        Files.createDirectories(warehouse);
        // An empty settings file: the embedded catalog of --warehouse.
        Path embedded = Files.writeString(warehouse.resolve("embedded.properties"), "");
        LocalPostgres server = LocalPostgres.shared();
        Map<String, String> environment = new HashMap<>(Map.of(PASSWORD_ENV, server.password()));
        Map<String, String> pg =
            Map.of(
                CatalogSettings.NAME,
                "tfwh_pg",
                CatalogSettings.URI,
                server.jdbcUrl(server.createDatabase("trino")),
                CatalogSettings.USER,
                server.user(),
                CatalogSettings.PASSWORD_ENV,
                PASSWORD_ENV,
                CatalogSettings.WAREHOUSE,
                "file:" + warehouse.resolve("pg-tables"));
        Path onPostgres = store(pg, warehouse.resolve("postgres.properties"));
        // The catalogs' tables exist before Trino's catalogs first connect to them.
        IcebergFixture iceberg = IcebergFixture.open(warehouse);
        IcebergFixture postgres =
            IcebergFixture.open(CatalogSettings.read(onPostgres, warehouse), environment);
        // The embedded (SQLite) catalog of another folder, its tables in a bucket on s3proxy.
        S3ProxyServer s3 = starting.join();
        Map<String, String> s3Keys = new HashMap<>(s3.settings("s3://trino/warehouse"));
        s3Keys.put(CatalogSettings.NAME, "tfwh_s3");
        s3Keys.put(CatalogSettings.URI, "jdbc:sqlite:" + s3Warehouse.resolve("catalog.db"));
        Files.createDirectories(s3Warehouse);
        Path s3Settings = store(s3Keys, s3Warehouse.resolve("s3.properties"));
        environment.putAll(s3.environment());
        IcebergFixture onS3 =
            IcebergFixture.open(CatalogSettings.read(s3Settings, s3Warehouse), environment);
        LocalTrino trino =
            LocalTrino.start(
                root,
                it.resolve("trino"),
                Optional.of(warehouse),
                List.of(embedded, onPostgres, s3Settings),
                environment);
        instance = new SharedTrino(trino, iceberg, postgres, onS3, s3, it);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      SharedTrino started = instance;
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    started.trino.close();
                    started.iceberg.close();
                    started.postgres.close();
                    started.onS3.close();
                  },
                  "stop-trino"));
    }
    return instance;
  }

  public String jdbcUrl() {
    return trino.jdbcUrl();
  }

  /** The first column of each row a query gives Trino's user {@code user}. */
  List<String> rows(String user, String sql) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", user);
    try (Connection connection = DriverManager.getConnection(jdbcUrl(), properties);
        Statement statement = connection.createStatement();
        ResultSet results = statement.executeQuery(sql)) {
      List<String> rows = new ArrayList<>();
      while (results.next()) {
        rows.add(results.getString(1));
      }
      return rows;
    }
  }

  /** The embedded Iceberg warehouse Trino's {@code tfwh} catalog reads. */
  IcebergFixture iceberg() {
    return iceberg;
  }

  /** The PostgreSQL catalog Trino's {@code tfwh_pg} catalog reads. */
  public IcebergFixture postgres() {
    return postgres;
  }

  /**
   * The warehouse on object storage Trino's {@code tfwh_s3} catalog reads: a SQLite catalog whose
   * tables are in the bucket {@code trino} on {@link #s3()}.
   */
  IcebergFixture onS3() {
    return onS3;
  }

  /** The JVM's s3proxy, which holds {@link #onS3()}'s files. */
  S3ProxyServer s3() {
    return s3;
  }

  /** Trino's catalog file for a catalog, as {@code trino.sh} wrote it. */
  Path catalogFile(String catalog) {
    return it.resolve("trino/etc/catalog").resolve(catalog + ".properties");
  }

  /** The settings file of the PostgreSQL catalog {@code tfwh_pg}, as {@code --catalog} reads it. */
  public Path postgresCatalogFile() {
    return it.resolve("trino-iceberg").resolve("postgres.properties");
  }

  /** The environment a command on {@code tfwh_pg} runs with: the catalog's password variable. */
  public Map<String, String> postgresEnvironment() {
    return Map.of(PASSWORD_ENV, LocalPostgres.shared().password());
  }

  /** The integration tests' folder ({@code target/it}). */
  Path itDir() {
    return it;
  }

  private static Path store(Map<String, String> settings, Path file) throws IOException {
    Properties properties = new Properties();
    properties.putAll(settings);
    try (var writer = Files.newBufferedWriter(file)) {
      properties.store(writer, "a catalog of the shared Trino");
    }
    return file;
  }

  static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
