package uk.gov.tfwh.api.reliability;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./tfwh load} of one landing folder into one warehouse of the store it is given ({@code
 * TFWH_STORE}: iceberg, the default, or the legacy folder), started through the real launcher as an
 * operator runs it (a child process: the launcher's shell, then the load's own JVM in its place),
 * so the trial can kill it with SIGKILL. The reactor has built and installed etl/spark before
 * api/server, so the launcher is told not to rebuild.
 */
final class TfwhLoad {
  /** The exit status of a process killed by SIGKILL. */
  static final int KILLED = 137;

  private final Path projectRoot;
  private final Path landing;
  private final Path warehouse;
  private final String store;
  private final List<String> arguments;
  private final Map<String, String> environment;

  /** A load into {@code warehouse} of the store {@code TFWH_STORE} names (folder or iceberg). */
  TfwhLoad(Path projectRoot, Path landing, Path warehouse, String store) {
    this(projectRoot, landing, warehouse, store, List.of(), Map.of());
  }

  /**
   * As above, with more arguments ({@code --catalog FILE}) and environment variables (the object
   * store's keys, which a catalog settings file names but never holds).
   */
  TfwhLoad(
      Path projectRoot,
      Path landing,
      Path warehouse,
      String store,
      List<String> arguments,
      Map<String, String> environment) {
    this.projectRoot = requireNonNull(projectRoot, "projectRoot");
    this.landing = requireNonNull(landing, "landing");
    this.warehouse = requireNonNull(warehouse, "warehouse");
    this.store = requireNonNull(store, "store");
    this.arguments = List.copyOf(arguments);
    this.environment = Map.copyOf(environment);
  }

  /** The project root surefire names ({@code tfwh.root.dir}). */
  static Path projectRoot() {
    String dir = System.getProperty("tfwh.root.dir");
    if (dir == null) {
      throw new IllegalStateException("tfwh.root.dir is not set (surefire sets it)");
    }
    return Path.of(dir).toAbsolutePath().normalize();
  }

  Path reference() {
    return projectRoot.resolve("reference");
  }

  /** Starts a load, its output in {@code log}. */
  Process start(Path log) {
    List<String> command =
        new ArrayList<>(
            List.of(
                projectRoot.resolve("tfwh").toString(),
                "load",
                "--landing",
                landing.toString(),
                "--warehouse",
                warehouse.toString(),
                "--reference",
                reference().toString()));
    command.addAll(arguments);
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(projectRoot.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().put("TFWH_SKIP_BUILD", "1");
    // Named, not left to the default, so a test does not depend on the shell's TFWH_STORE.
    builder.environment().put("TFWH_STORE", store);
    builder.environment().remove("TFWH_CATALOG");
    builder.environment().putAll(environment);
    // The landing folder is a few files; the launcher's 3 GiB default would only crowd the machine.
    builder.environment().put("TFWH_SPARK_HEAP", "1g");
    try {
      return builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start ./tfwh load", e);
    }
  }

  /** Runs a load to its end; fails with its log unless it exits 0. */
  void run(Path log) throws InterruptedException, IOException {
    Process load = start(log);
    if (!load.waitFor(10, TimeUnit.MINUTES)) {
      kill(load);
      throw new AssertionError("./tfwh load did not finish in 10 minutes; log:\n" + tail(log));
    }
    if (load.exitValue() != 0) {
      throw new AssertionError("./tfwh load exited " + load.exitValue() + "; log:\n" + tail(log));
    }
  }

  /**
   * SIGKILL to the load and anything it started (before the launcher's {@code exec} the shell may
   * have a child of its own).
   */
  static void kill(Process load) {
    load.descendants().forEach(ProcessHandle::destroyForcibly);
    load.destroyForcibly(); // SIGKILL on Linux
  }

  static String tail(Path log) throws IOException {
    String text = Files.readString(log);
    return text.length() <= 8_000 ? text : text.substring(text.length() - 8_000);
  }
}
