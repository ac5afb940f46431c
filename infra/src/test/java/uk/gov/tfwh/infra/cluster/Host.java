package uk.gov.tfwh.infra.cluster;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * One host of a {@link PrivateNetwork}: a network namespace with one address on the network's
 * bridge and its own loopback. Processes started here see only the other hosts; each gets a working
 * folder, a temporary folder and a log of its own under the host's folder, and sees none of the
 * other hosts' folders ({@link #inside}).
 */
public final class Host {
  private final String name;
  private final String namespace;
  private final String address;
  private final Path folder;

  Host(String name, String namespace, String address, Path folder) {
    this.name = requireNonNull(name);
    this.namespace = requireNonNull(namespace);
    this.address = requireNonNull(address);
    this.folder = requireNonNull(folder);
  }

  public String name() {
    return name;
  }

  /** The network namespace's name ({@code ip netns list}). */
  public String namespace() {
    return namespace;
  }

  /** The host's IPv4 address on the private network, as a string such as {@code 10.93.7.12}. */
  public String address() {
    return address;
  }

  /** The host's folder: one sub-folder per process started on it. */
  public Path folder() {
    return folder;
  }

  /** Creates the folders of a process about to start on this host. */
  public ProcessFolder prepare(String process) {
    Path work = folder.resolve(process);
    try {
      Files.createDirectories(work.resolve("tmp"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ProcessFolder(work, work.resolve("tmp"), work.resolve(process + ".log"));
  }

  /**
   * Starts a long-running process in this host's namespace. The command is made from the process's
   * folders, so it can point its data and temporary files there; it runs in its working folder with
   * {@code TMPDIR} set, stdout and stderr going to its log.
   */
  public HostProcess start(
      String process,
      Map<String, String> environment,
      Function<ProcessFolder, List<String>> command) {
    ProcessFolder folders = prepare(process);
    ProcessBuilder builder =
        new ProcessBuilder(inside(command.apply(folders)))
            .directory(folders.work().toFile())
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .redirectOutput(ProcessBuilder.Redirect.appendTo(folders.log().toFile()));
    builder.environment().put("TMPDIR", folders.tmp().toString());
    builder.environment().putAll(environment);
    try {
      return new HostProcess(process, this, folders, builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + process + " on " + name, e);
    }
  }

  /** Runs a short command (curl, pg_isready) to completion in this host's namespace. */
  public SystemCommand.Output run(Duration timeout, String... command) {
    return SystemCommand.run(inside(List.of(command)), timeout);
  }

  /** Runs a short command in this host's namespace that must succeed, and returns its output. */
  public String check(Duration timeout, String... command) {
    return SystemCommand.check(inside(List.of(command)), timeout);
  }

  /**
   * The command prefixed with {@code ip netns exec}, which enters the namespace and then execs the
   * command: the started process is the command itself, not a wrapper. On its way, every other
   * folder of the network's folder (the other hosts' folders) is covered with an empty read-only
   * file system, so a process sees and writes only its own host's folder there: the network's hosts
   * share no folder of the test. {@code ip netns exec} runs the command in a mount namespace of its
   * own, so these mounts are the process's (and its children's, such as a Spark worker's executors)
   * and vanish with it.
   */
  List<String> inside(List<String> command) {
    List<String> line =
        new ArrayList<>(List.of("ip", "netns", "exec", namespace, "sh", "-c", HIDE, "sh"));
    for (Path other : otherFolders()) {
      line.add(other.toString());
    }
    line.add("--");
    line.addAll(command);
    return line;
  }

  /** Mounts an empty read-only tmpfs on each argument up to {@code --}, then execs the rest. */
  private static final String HIDE =
      "while [ \"$1\" != -- ]; do"
          + " mount -t tmpfs -o ro,size=4k,mode=0555 tfwh-other-host \"$1\" || exit 125;"
          + " shift; done; shift; exec \"$@\"";

  /** The folders beside this host's own in the network's folder: the other hosts'. */
  private List<Path> otherFolders() {
    Path network = folder.getParent();
    if (network == null) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(network)) {
      return entries.filter(Files::isDirectory).filter(entry -> !entry.equals(folder)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return name + " (" + address + ", namespace " + namespace + ")";
  }
}
