package uk.gov.tfwh.infra.cluster;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The Trino server install {@code ./tfwh trino start} unpacks ({@code var/trino/trino-server-476})
 * and a JDK new enough to run it (Trino 476 is Java 24 bytecode; the project's JDK is 17).
 */
public record TrinoInstall(Path home, Path javaHome) {
  private static final String VERSION = "476";
  private static final int MIN_JAVA = 24;

  public TrinoInstall {
    requireNonNull(home);
    requireNonNull(javaHome);
  }

  /**
   * The install named by {@code -Dtfwh.trino.home}, else the project's {@code var/trino} one, which
   * is unpacked first (by starting and stopping {@code infra/trino/trino.sh} once, so its plugin
   * choice applies) when missing.
   */
  public static TrinoInstall locate() {
    Path java =
        findJavaHome()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "Trino needs a JDK "
                            + MIN_JAVA
                            + "+: none in TFWH_TRINO_JAVA_HOME,"
                            + " JAVA_HOME or /usr/lib/jvm"));
    String configured = System.getProperty("tfwh.trino.home");
    Path root = ModuleClasspath.root();
    Path home =
        configured != null
            ? Path.of(configured)
            : root.resolve("var/trino/trino-server-" + VERSION);
    if (!Files.isDirectory(home.resolve("lib"))) {
      unpackWithScript(root);
    }
    return new TrinoInstall(home, java);
  }

  /**
   * Fails, saying what to do, when the install lacks a connector a test needs: {@code trino.sh}
   * unpacks only the plugins {@code TFWH_TRINO_PLUGINS} names, and an install unpacked before a
   * plugin was added to that list does not have it.
   */
  public TrinoInstall requirePlugins(String... plugins) {
    for (String plugin : plugins) {
      if (!Files.isDirectory(home.resolve("plugin").resolve(plugin))) {
        throw new IllegalStateException(
            "the Trino install "
                + home
                + " has no '"
                + plugin
                + "' plugin: delete it and run ./tfwh trino start again (or point"
                + " -Dtfwh.trino.home at an install that has it)");
      }
    }
    return this;
  }

  /** A JDK new enough for Trino, looked for where trino.sh looks; the newest wins. */
  static Optional<Path> findJavaHome() {
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
        .max(Comparator.comparingInt(TrinoInstall::javaMajor));
  }

  private static int javaMajor(Path home) {
    try {
      for (String line : Files.readAllLines(home.resolve("release"), StandardCharsets.UTF_8)) {
        if (line.startsWith("JAVA_VERSION=")) {
          return Integer.parseInt(line.substring(line.indexOf('"') + 1).split("[.\"]")[0]);
        }
      }
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
    return 0;
  }

  private static void unpackWithScript(Path root) {
    Path script = root.resolve("infra/trino/trino.sh");
    try {
      Path data = Files.createTempDirectory("trino-unpack");
      String port;
      try (ServerSocket socket = new ServerSocket(0)) {
        port = String.valueOf(socket.getLocalPort());
      }
      for (String command : List.of("start", "stop")) {
        SystemCommand.check(
            List.of(script.toString(), command, "--port", port, "--data", data.toString()),
            Duration.ofMinutes(10));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
