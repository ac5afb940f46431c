package uk.gov.tfwh.etl;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts Java mains (the load, a Spark master or worker) as child JVMs from this JVM's own
 * classpath, with Spark's module opens, as an operator would run them.
 */
public final class LoadProcess {
  private LoadProcess() {}

  /** The opens and module flags this JVM was started with (surefire's argLine). */
  public static List<String> sparkJvmOptions() {
    List<String> options = new ArrayList<>();
    for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (argument.startsWith("--add-opens")
          || argument.startsWith("--add-modules")
          || argument.startsWith("-XX:+IgnoreUnrecognizedVMOptions")
          || argument.startsWith("-Djdk.reflect")
          || argument.startsWith("-Dio.netty")) {
        options.add(argument);
      }
    }
    return options;
  }

  public static String classpath() {
    return System.getProperty("java.class.path");
  }

  public static ProcessBuilder java(
      String mainClass, List<String> jvmOptions, List<String> args, Path log) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx1g");
    command.add("-Duser.timezone=UTC");
    command.add("-Dfile.encoding=UTF-8");
    command.add("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
    command.addAll(sparkJvmOptions());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(classpath());
    command.add(mainClass);
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> env = builder.environment();
    env.put("SPARK_LOCAL_IP", "127.0.0.1");
    builder.redirectErrorStream(true);
    builder.redirectOutput(log.toFile());
    return builder;
  }

  /**
   * Starts {@code tfwh load} in a child JVM on the legacy folder store ({@code TFWH_STORE=folder}):
   * the tests that call this test the folder store's load; the Iceberg store's own tests start
   * theirs through {@link #java}.
   */
  public static Process startLoad(List<String> jvmOptions, Path log, String... args) {
    try {
      ProcessBuilder load = java("uk.gov.tfwh.etl.LoadCommand", jvmOptions, List.of(args), log);
      load.environment().put("TFWH_STORE", "folder");
      return load.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Starts {@code tfwh load} of a landing folder into a folder-store warehouse with the test
   * reference data, as an operator would run it, for tests that kill it.
   */
  public static Process startLoad(Path landing, Path warehouse, Path log) {
    return startLoad(
        List.of(),
        log,
        "--landing",
        landing.toString(),
        "--warehouse",
        warehouse.toString(),
        "--reference",
        TestLandings.reference().toString());
  }

  /** Every entry of a classpath, expanded from a manifest-only jar (surefire's booter). */
  public static String expandedClasspath() {
    List<String> entries = new ArrayList<>();
    for (String entry : classpath().split(File.pathSeparator)) {
      entries.add(entry);
      if (entry.endsWith(".jar")) {
        try (var jar = new java.util.jar.JarFile(entry)) {
          var manifest = jar.getManifest();
          String extra =
              manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
          if (extra != null) {
            for (String url : extra.trim().split("\\s+")) {
              entries.add(Path.of(java.net.URI.create(url)).toString());
            }
          }
        } catch (IOException | IllegalArgumentException e) {
          // not a readable jar or not a file URL: keep the entry as it is
        }
      }
    }
    return String.join(File.pathSeparator, entries);
  }
}
