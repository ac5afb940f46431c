package uk.gov.tfwh.infra.cluster;

import static java.util.Objects.requireNonNull;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Java main to run on a host: the JDK, classpath, main class, heap, JVM options, arguments and
 * environment. {@link #start} gives the JVM the process's own {@code java.io.tmpdir} and runs it in
 * the process's working folder, as a service on a machine of its own would run. The API, the load's
 * driver and the Spark daemons are all started this way.
 */
public record JavaProgram(
    Path javaHome,
    List<String> classpath,
    String mainClass,
    String heap,
    List<String> jvmOptions,
    List<String> arguments,
    Map<String, String> environment) {

  /**
   * Keeps a JVM from writing its performance counters to {@code /tmp/hsperfdata_<user>}, whatever
   * its {@code java.io.tmpdir}: that folder would be shared by the processes of every host.
   */
  public static final String NO_SHARED_PERF_DATA = "-XX:-UsePerfData";

  public JavaProgram {
    requireNonNull(javaHome);
    classpath = List.copyOf(classpath);
    requireNonNull(mainClass);
    requireNonNull(heap);
    jvmOptions = List.copyOf(jvmOptions);
    arguments = List.copyOf(arguments);
    environment = Map.copyOf(environment);
  }

  /** A main on this JVM's own JDK with a 512 MiB heap, no options, arguments or environment. */
  public static JavaProgram of(String mainClass, List<String> classpath) {
    return new JavaProgram(
        Path.of(System.getProperty("java.home")),
        classpath,
        mainClass,
        "512m",
        List.of(),
        List.of(),
        Map.of());
  }

  public JavaProgram withJavaHome(Path home) {
    return new JavaProgram(home, classpath, mainClass, heap, jvmOptions, arguments, environment);
  }

  public JavaProgram withHeap(String size) {
    return new JavaProgram(
        javaHome, classpath, mainClass, size, jvmOptions, arguments, environment);
  }

  public JavaProgram withJvmOptions(List<String> options) {
    List<String> all = new ArrayList<>(jvmOptions);
    all.addAll(options);
    return new JavaProgram(javaHome, classpath, mainClass, heap, all, arguments, environment);
  }

  public JavaProgram withArguments(List<String> more) {
    List<String> all = new ArrayList<>(arguments);
    all.addAll(more);
    return new JavaProgram(javaHome, classpath, mainClass, heap, jvmOptions, all, environment);
  }

  public JavaProgram withEnvironment(Map<String, String> more) {
    Map<String, String> all = new HashMap<>(environment);
    all.putAll(more);
    return new JavaProgram(javaHome, classpath, mainClass, heap, jvmOptions, arguments, all);
  }

  /** Starts the program on the host as a process of the given name. */
  public HostProcess start(Host host, String name) {
    return host.start(name, environment, this::commandLine);
  }

  List<String> commandLine(ProcessFolder folder) {
    List<String> command = new ArrayList<>();
    command.add(javaHome.resolve("bin/java").toString());
    command.add("-Xmx" + heap);
    command.add("-Djava.io.tmpdir=" + folder.tmp());
    command.add("-Duser.timezone=UTC");
    command.add("-Dfile.encoding=UTF-8");
    // No /tmp/hsperfdata_<user>/<pid>: the one folder every JVM of every host would write.
    command.add(NO_SHARED_PERF_DATA);
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(String.join(File.pathSeparator, classpath));
    command.add(mainClass);
    command.addAll(arguments);
    return command;
  }
}
