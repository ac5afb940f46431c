package uk.gov.tfwh.warehouse.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogDatabase;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings;
import uk.gov.tfwh.warehouse.iceberg.release.IcebergReleases;

/**
 * The seed-1 sample as the demo builds it: generated ({@code ./tfwh generate --seed 1 --faults
 * 0.02}), loaded by Spark ({@code ./tfwh load}) and published ({@code ./tfwh publish --current}),
 * through the real launcher and the modules' own jars, on the default store: the Iceberg store, its
 * embedded catalog in the warehouse folder. Built once per build under {@code target/sample/} and
 * shared by the test JVMs of the modules after {@code etl/spark} (API, exports); rebuilt when the
 * jars of the generator, the load, the Iceberg store, the rules, the domain or the table contract
 * change, or the reference data. Callers read it and never write to it (an Iceberg catalog records
 * absolute file locations, so a copy of the folder still names this one's files, and every writer
 * refuses such a copy: {@code TableLocations}; the browser tests borrow its data files into a
 * warehouse of their own instead).
 */
public final class SampleWarehouse {
  private static final String SEED = "1";
  private static final String FAULTS = "0.02";
  private static final long TIMEOUT_MINUTES = 15;

  private SampleWarehouse() {}

  /** The warehouse folder of the seed-1 sample, its only release current and published. */
  public static synchronized Path seed1() {
    return build("seed-" + SEED);
  }

  /** The embedded catalog of {@link #seed1()}. */
  public static CatalogSettings seed1Catalog() {
    return CatalogSettings.embedded(seed1());
  }

  /** The landing folder the sample was generated into (with its fault and generation manifests). */
  public static Path seed1Landing() {
    return seed1().resolveSibling("landing");
  }

  private static Path build(String name) {
    Path root = projectRoot();
    Path dir = root.resolve("target/sample/" + name);
    try {
      Files.createDirectories(dir);
      String key = inputsKey(root);
      try (FileChannel lockFile =
              FileChannel.open(
                  dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock ignored = lockFile.lock()) {
        Path marker = dir.resolve(".complete");
        Path warehouse = dir.resolve("warehouse");
        if (Files.exists(marker) && Files.readString(marker).equals(key)) {
          return warehouse;
        }
        Files.deleteIfExists(marker);
        deleteTree(warehouse);
        deleteTree(dir.resolve("landing"));
        Path log = dir.resolve("build.log");
        Files.deleteIfExists(log);
        run(root, log, "generate", "--out", dir.resolve("landing").toString(), "--seed", SEED);
        run(
            root,
            log,
            "load",
            "--landing",
            dir.resolve("landing").toString(),
            "--warehouse",
            warehouse.toString());
        run(root, log, "publish", "--warehouse", warehouse.toString(), "--current");
        if (publishedId(warehouse).isEmpty()) {
          throw new IllegalStateException("the sample was loaded but not published; see " + log);
        }
        Files.writeString(marker, key);
        return warehouse;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build the seed-1 sample in " + dir, e);
    }
  }

  private static Optional<String> publishedId(Path warehouse) {
    return IcebergReleases.open(CatalogDatabase.of(CatalogSettings.embedded(warehouse)))
        .publishedId();
  }

  private static void run(Path root, Path log, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(root.resolve("tfwh").toString());
    command.addAll(List.of(args));
    if (args[0].equals("generate")) {
      command.addAll(List.of("--faults", FAULTS));
    }
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(root.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    // The reactor has just built and packaged every module: the launcher must not rebuild.
    builder.environment().put("TFWH_SKIP_BUILD", "1");
    // The default store, whatever the shell that runs the build chose.
    builder.environment().remove("TFWH_CATALOG");
    builder.environment().remove("TFWH_STORE");
    Process process = builder.start();
    try {
      if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException("./tfwh " + args[0] + " timed out; see " + log);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running ./tfwh " + args[0], e);
    }
    if (process.exitValue() != 0) {
      throw new IllegalStateException(
          "./tfwh " + String.join(" ", args) + " exited " + process.exitValue() + "; see " + log);
    }
  }

  /** A digest of what the sample is made from, so a changed generator or loader rebuilds it. */
  private static String inputsKey(Path root) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    List<Path> inputs = new ArrayList<>();
    for (String module :
        List.of(
            "etl/generator",
            "etl/spark",
            "etl/returns",
            "etl/programme",
            "warehouse/contract",
            "warehouse/iceberg",
            "warehouse/query")) {
      try (Stream<Path> jars = Files.list(root.resolve(module).resolve("target"))) {
        jars.filter(p -> p.getFileName().toString().endsWith(".jar"))
            .filter(p -> !p.getFileName().toString().endsWith("-tests.jar"))
            .sorted()
            .forEach(inputs::add);
      }
    }
    try (Stream<Path> reference = Files.list(root.resolve("reference"))) {
      reference.sorted().forEach(inputs::add);
    }
    byte[] buffer = new byte[1 << 16];
    for (Path input : inputs) {
      digest.update(
          root.relativize(input).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      try (InputStream in = Files.newInputStream(input)) {
        for (int n; (n = in.read(buffer)) > 0; ) {
          digest.update(buffer, 0, n);
        }
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static Path projectRoot() {
    String dir = System.getProperty("tfwh.root.dir");
    if (dir == null) {
      throw new IllegalStateException(
          "tfwh.root.dir is not set (surefire sets it to the project root)");
    }
    return Path.of(dir).toAbsolutePath().normalize();
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
