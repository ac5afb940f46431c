package uk.gov.tfwh.warehouse.query.trino;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import uk.gov.tfwh.warehouse.testing.IcebergFixture;

/**
 * The one Trino of a test JVM (start-up takes 15-30 s on two shared cores): started on first use by
 * {@code infra/trino/trino.sh} with the Hive and TPC-H catalogs and the Iceberg catalog of an
 * embedded warehouse under {@code target/it/trino-iceberg}, and stopped when the JVM exits. Tests
 * commit the Iceberg releases they read into {@link #iceberg()}; Trino sees each commit at once.
 */
final class SharedTrino {
  private static SharedTrino instance;

  private final LocalTrino trino;
  private final IcebergFixture iceberg;
  private final Path it;

  private SharedTrino(LocalTrino trino, IcebergFixture iceberg, Path it) {
    this.trino = trino;
    this.iceberg = iceberg;
    this.it = it;
  }

  /** The running Trino, started now if it is not yet. */
  static synchronized SharedTrino get() {
    if (instance == null) {
      Path root = Path.of(System.getProperty("tfwh.root.dir", "..")).toAbsolutePath().normalize();
      Path it = Path.of(System.getProperty("tfwh.it.dir", "target/it")).toAbsolutePath();
      Path warehouse = it.resolve("trino-iceberg");
      deleteTree(warehouse);
      deleteTree(it.resolve("trino"));
      // The catalog's tables exist before Trino's catalog first connects to them.
      IcebergFixture iceberg = IcebergFixture.open(warehouse);
      LocalTrino trino = LocalTrino.start(root, it.resolve("trino"), Optional.of(warehouse));
      instance = new SharedTrino(trino, iceberg, it);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    trino.close();
                    iceberg.close();
                  },
                  "stop-trino"));
    }
    return instance;
  }

  String jdbcUrl() {
    return trino.jdbcUrl();
  }

  /** The embedded Iceberg warehouse Trino's {@code tfwh} catalog reads. */
  IcebergFixture iceberg() {
    return iceberg;
  }

  /** The integration tests' folder ({@code target/it}). */
  Path itDir() {
    return it;
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
