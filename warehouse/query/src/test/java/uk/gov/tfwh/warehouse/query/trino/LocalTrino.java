package uk.gov.tfwh.warehouse.query.trino;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real single-node Trino for tests, started and stopped through {@code infra/trino/trino.sh} (the
 * same script as {@code ./tfwh trino}) on a free port with its data under {@code target/}.
 */
public final class LocalTrino implements AutoCloseable {
  private static final int MIN_JAVA = 24;

  private final Path script;
  private final Path data;
  private final int port;
  private final Optional<Path> warehouse;
  private final List<Path> catalogs;
  private final Map<String, String> environment;

  private LocalTrino(
      Path script,
      Path data,
      int port,
      Optional<Path> warehouse,
      List<Path> catalogs,
      Map<String, String> environment) {
    this.script = script;
    this.data = data;
    this.port = port;
    this.warehouse = warehouse;
    this.catalogs = List.copyOf(catalogs);
    this.environment = Map.copyOf(environment);
  }

  /** A JDK new enough for Trino, looked for where trino.sh looks; empty when there is none. */
  public static Optional<Path> javaHomeForTrino() {
    List<Path> candidates = new ArrayList<>();
    Optional.ofNullable(System.getenv("TFWH_TRINO_JAVA_HOME"))
        .map(Path::of)
        .ifPresent(candidates::add);
    Optional.ofNullable(System.getenv("JAVA_HOME")).map(Path::of).ifPresent(candidates::add);
    Path jvms = Path.of("/usr/lib/jvm");
    if (Files.isDirectory(jvms)) {
      try (Stream<Path> dirs = Files.list(jvms)) {
        dirs.sorted().forEach(candidates::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return candidates.stream()
        .filter(home -> Files.isExecutable(home.resolve("bin/java")))
        .filter(home -> javaMajor(home) >= MIN_JAVA)
        .findFirst();
  }

  private static int javaMajor(Path home) {
    Path release = home.resolve("release");
    try {
      for (String line : Files.readAllLines(release, StandardCharsets.UTF_8)) {
        if (line.startsWith("JAVA_VERSION=")) {
          String version = line.substring(line.indexOf('"') + 1);
          return Integer.parseInt(version.split("[.\"]")[0]);
        }
      }
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
    return 0;
  }

  /**
   * Starts Trino and waits until it is ready: {@code trino.sh start} returns only once a query has
   * been scheduled on a node, not merely once the server says it has started.
   */
  public static LocalTrino start(Path root, Path data) {
    return start(root, data, Optional.empty(), List.of(), Map.of());
  }

  /**
   * Starts Trino as {@link #start(Path, Path)} does, also serving Iceberg catalogs ({@code trino.sh
   * start --warehouse DIR --catalog FILE...}): these settings files, or without any the warehouse
   * folder's embedded catalog. {@code environment} is added to Trino's (a catalog's password).
   */
  public static LocalTrino start(
      Path root,
      Path data,
      Optional<Path> warehouse,
      List<Path> catalogs,
      Map<String, String> environment) {
    int port = freePort();
    LocalTrino trino =
        new LocalTrino(
            root.resolve("infra/trino/trino.sh"), data, port, warehouse, catalogs, environment);
    trino.script("start", 300);
    return trino;
  }

  public String jdbcUrl() {
    return "jdbc:trino://127.0.0.1:" + port;
  }

  @Override
  public void close() {
    script("stop", 60);
  }

  private void script(String command, int timeoutSeconds) {
    try {
      Path log = Files.createDirectories(data).resolve("trino-" + command + ".out");
      List<String> arguments =
          new ArrayList<>(
              List.of(
                  script.toString(),
                  command,
                  "--port",
                  Integer.toString(port),
                  "--data",
                  data.toString()));
      warehouse.ifPresent(dir -> arguments.addAll(List.of("--warehouse", dir.toString())));
      catalogs.forEach(file -> arguments.addAll(List.of("--catalog", file.toString())));
      ProcessBuilder builder =
          new ProcessBuilder(arguments).redirectErrorStream(true).redirectOutput(log.toFile());
      // The build under test is what runs: trino.sh must not rebuild the project around it.
      builder.environment().put("TFWH_SKIP_BUILD", "1");
      builder.environment().putAll(environment);
      Process process = builder.start();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(
            "trino.sh " + command + " took over " + timeoutSeconds + " s");
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            "trino.sh " + command + " failed: " + Files.readString(log, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
