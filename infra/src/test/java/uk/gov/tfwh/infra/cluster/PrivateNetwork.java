package uk.gov.tfwh.infra.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Several "machines" on one: a network namespace per host, each with one address on a bridge that
 * lives in a namespace of its own, so the hosts reach each other by address and nothing else (not
 * this machine's loopback, not its other interfaces, not the internet). The file system is still
 * shared, which is why every process gets its own folders ({@link Host#prepare}).
 *
 * <p>Names are {@code tfwhnet<pid>-<n>-<host>} ({@code <n>} counts networks in this JVM), so a
 * network only ever touches namespaces it created: on close it kills every process left in them
 * ({@code ip netns pids}) and deletes them, also from a shutdown hook. At creation it removes
 * namespaces of this naming whose JVM ({@code <pid>}) is gone, left by a killed test run. Needs
 * root and iproute2's {@code ip}.
 */
public final class PrivateNetwork implements AutoCloseable {
  static final String PREFIX = "tfwhnet";
  private static final Pattern OURS = Pattern.compile("^" + PREFIX + "(\\d+)-\\S+");
  private static final Pattern HOST_NAME = Pattern.compile("[a-z][a-z0-9]{0,11}");
  private static final AtomicInteger NETWORKS = new AtomicInteger();
  private static final Duration IP_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration STOP_GRACE = Duration.ofSeconds(10);

  private final String subnet;
  private final String bridgeNamespace;
  private final Map<String, Host> hosts = new LinkedHashMap<>();
  private final List<String> created = new ArrayList<>();
  private final Thread shutdownHook = new Thread(this::close, "delete private network");
  private boolean closed;

  private PrivateNetwork(String name, String subnet) {
    this.subnet = subnet;
    this.bridgeNamespace = name + "-br";
  }

  /**
   * Creates the network and its hosts (names of lower-case letters and digits), each host with its
   * own folder under {@code folder}.
   */
  public static PrivateNetwork create(Path folder, String... hostNames) {
    if (hostNames.length == 0 || hostNames.length > 200) {
      throw new IllegalArgumentException("1 to 200 hosts, not " + hostNames.length);
    }
    removeStale();
    long pid = ProcessHandle.current().pid();
    String name = PREFIX + pid + "-" + NETWORKS.incrementAndGet();
    // Hosts see no other network, so any private /24 works; a random one keeps two networks'
    // addresses apart in logs.
    ThreadLocalRandom random = ThreadLocalRandom.current();
    String prefix = "10." + random.nextInt(64, 128) + "." + random.nextInt(0, 256) + ".";
    PrivateNetwork network = new PrivateNetwork(name, prefix + "0/24");
    Runtime.getRuntime().addShutdownHook(network.shutdownHook);
    try {
      network.build(folder, name, prefix, hostNames);
      return network;
    } catch (RuntimeException e) {
      network.close();
      throw e;
    }
  }

  private void build(Path folder, String name, String prefix, String[] hostNames) {
    addNamespace(bridgeNamespace);
    ip("-n", bridgeNamespace, "link", "add", "br0", "type", "bridge");
    ip("-n", bridgeNamespace, "link", "set", "br0", "up");
    for (int i = 0; i < hostNames.length; i++) {
      String hostName = hostNames[i];
      if (!HOST_NAME.matcher(hostName).matches()
          || hosts.containsKey(hostName)
          || hostName.equals("br")) {
        throw new IllegalArgumentException("bad or repeated host name '" + hostName + "'");
      }
      String namespace = name + "-" + hostName;
      String address = prefix + (10 + i);
      addNamespace(namespace);
      // Both ends are made inside namespaces of this network: the bridge's end ("v<i>") in the
      // bridge namespace, the host's end ("eth0") in the host's, so no name is ever taken in the
      // machine's own namespace.
      String port = "v" + i;
      ip(
          "-n",
          bridgeNamespace,
          "link",
          "add",
          port,
          "type",
          "veth",
          "peer",
          "name",
          "eth0",
          "netns",
          namespace);
      ip("-n", bridgeNamespace, "link", "set", port, "master", "br0");
      ip("-n", bridgeNamespace, "link", "set", port, "up");
      ip("-n", namespace, "addr", "add", address + "/24", "dev", "eth0");
      ip("-n", namespace, "link", "set", "eth0", "up");
      ip("-n", namespace, "link", "set", "lo", "up");
      try {
        hosts.put(
            hostName,
            new Host(
                hostName, namespace, address, Files.createDirectories(folder.resolve(hostName))));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  public Host host(String name) {
    Host host = hosts.get(name);
    if (host == null) {
      throw new IllegalArgumentException("no host '" + name + "'; hosts: " + hosts.keySet());
    }
    return host;
  }

  public List<Host> hosts() {
    return List.copyOf(hosts.values());
  }

  /** The hosts' subnet, such as {@code 10.93.7.0/24} (for pg_hba.conf and the like). */
  public String subnet() {
    return subnet;
  }

  /** Every namespace this network created (its hosts' and its bridge's). */
  public List<String> namespaces() {
    return List.copyOf(created);
  }

  /**
   * The resident memory (RSS) of every process now running on each host, in bytes: what the cluster
   * costs the machine.
   */
  public Map<String, Long> residentMemory() {
    Map<String, Long> bytes = new LinkedHashMap<>();
    for (Host host : hosts.values()) {
      long total = 0;
      for (long pid : processesIn(host.namespace())) {
        total += residentBytes(pid);
      }
      bytes.put(host.name(), total);
    }
    return bytes;
  }

  private static long residentBytes(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      // gone meanwhile
    }
    return 0;
  }

  /** Kills what is still running on the hosts and deletes the namespaces. Safe to call again. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    List<String> order = new ArrayList<>(created);
    java.util.Collections.reverse(order);
    deleteNamespaces(order);
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // already shutting down: this is the hook
    }
  }

  /** Namespaces on this machine now (names only). */
  static List<String> namespacesOnMachine() {
    List<String> names = new ArrayList<>();
    for (String line :
        SystemCommand.check(List.of("ip", "netns", "list"), IP_TIMEOUT).split("\n")) {
      if (!line.isBlank()) {
        names.add(line.trim().split("\\s+")[0]);
      }
    }
    return names;
  }

  /** Processes whose network namespace is the one named. */
  static List<Long> processesIn(String namespace) {
    SystemCommand.Output output =
        SystemCommand.run(List.of("ip", "netns", "pids", namespace), IP_TIMEOUT);
    List<Long> pids = new ArrayList<>();
    if (output.succeeded()) {
      for (String line : output.text().split("\\s+")) {
        if (line.matches("\\d+")) {
          pids.add(Long.parseLong(line));
        }
      }
    }
    return pids;
  }

  /** Namespaces of this naming whose creating JVM no longer runs: a killed run left them. */
  private static void removeStale() {
    List<String> stale = new ArrayList<>();
    for (String namespace : namespacesOnMachine()) {
      Matcher matcher = OURS.matcher(namespace);
      if (matcher.matches()) {
        long pid = Long.parseLong(matcher.group(1));
        Optional<ProcessHandle> owner = ProcessHandle.of(pid);
        if (pid != ProcessHandle.current().pid() && owner.isEmpty()) {
          stale.add(namespace);
        }
      }
    }
    deleteNamespaces(stale);
  }

  private static void deleteNamespaces(List<String> namespaces) {
    for (String namespace : namespaces) {
      processesIn(namespace)
          .forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy));
    }
    long deadline = System.nanoTime() + STOP_GRACE.toNanos();
    for (String namespace : namespaces) {
      for (long pid : processesIn(namespace)) {
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        while (process.isPresent() && process.get().isAlive() && System.nanoTime() < deadline) {
          HostProcess.pause(100);
        }
        process.filter(ProcessHandle::isAlive).ifPresent(ProcessHandle::destroyForcibly);
      }
    }
    for (String namespace : namespaces) {
      for (int attempt = 0; attempt < 50 && !processesIn(namespace).isEmpty(); attempt++) {
        HostProcess.pause(100);
      }
      SystemCommand.Output deleted =
          SystemCommand.run(List.of("ip", "netns", "del", namespace), IP_TIMEOUT);
      if (!deleted.succeeded()) {
        System.err.println("cannot delete namespace " + namespace + ": " + deleted.text());
      }
    }
  }

  private void addNamespace(String namespace) {
    ip("netns", "add", namespace);
    created.add(namespace);
  }

  private static void ip(String... arguments) {
    List<String> command = new ArrayList<>(List.of("ip"));
    command.addAll(List.of(arguments));
    SystemCommand.check(command, IP_TIMEOUT);
  }
}
