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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Trino coordinator and workers on private hosts, each with its own etc and data folders, a
 * distinct {@code node.id} and {@code discovery.uri} pointing at the coordinator, which schedules
 * no work on itself ({@code node-scheduler.include-coordinator=false}). Every node gets the same
 * catalog files, as a deployment copies them to every node. Started as {@code bin/launcher run}
 * would, without the launcher: the JVM options of {@code infra/trino/etc/jvm.config} at -Xmx1G.
 */
public final class TrinoNodes {
  /** Every node's HTTP port (clients, workers and the coordinator's discovery service). */
  public static final int PORT = 8080;

  private static final Duration START = Duration.ofSeconds(180);
  private static final Pattern NEXT_URI = Pattern.compile("\"nextUri\":\"([^\"]+)\"");

  private TrinoNodes() {}

  /** The coordinator's HTTP address, {@code http://<address>:8080}. */
  public static String uri(Host coordinator) {
    return "http://" + coordinator.address() + ":" + PORT;
  }

  /** The JDBC URL a client on the private network uses. */
  public static String jdbcUrl(Host coordinator) {
    return "jdbc:trino://" + coordinator.address() + ":" + PORT;
  }

  /** Starts the coordinator; {@code catalogs} maps a catalog's name to its properties' text. */
  public static HostProcess startCoordinator(
      Host host, TrinoInstall install, Map<String, String> catalogs) {
    return startCoordinator(host, install, catalogs, Map.of());
  }

  /**
   * As {@link #startCoordinator(Host, TrinoInstall, Map)}, with environment variables for the
   * server, which catalog files read as {@code ${ENV:NAME}} (passwords and keys stay out of them).
   */
  public static HostProcess startCoordinator(
      Host host,
      TrinoInstall install,
      Map<String, String> catalogs,
      Map<String, String> environment) {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("coordinator", "true");
    config.put("node-scheduler.include-coordinator", "false");
    return start(host, host, install, "trino-coordinator", config, catalogs, environment);
  }

  /** Starts a worker that announces itself to the coordinator. */
  public static HostProcess startWorker(
      Host host, Host coordinator, TrinoInstall install, Map<String, String> catalogs) {
    return startWorker(host, coordinator, install, catalogs, Map.of());
  }

  /** As {@link #startWorker(Host, Host, TrinoInstall, Map)}, with environment variables. */
  public static HostProcess startWorker(
      Host host,
      Host coordinator,
      TrinoInstall install,
      Map<String, String> catalogs,
      Map<String, String> environment) {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("coordinator", "false");
    return start(host, coordinator, install, "trino-worker", config, catalogs, environment);
  }

  /**
   * Waits until the coordinator has {@code workers} active workers and a query over the {@code
   * tpch} catalog runs on them (a node announces itself before its catalogs are loaded, and a query
   * sent in between fails with "No nodes available"). Asked over HTTP from the coordinator's own
   * host, the only way into the private network.
   */
  public static void awaitWorkers(Host coordinator, int workers) {
    long deadline = System.nanoTime() + START.toNanos();
    String last = "";
    while (System.nanoTime() < deadline) {
      last =
          statement(
              coordinator,
              "SELECT count(*) FROM system.runtime.nodes WHERE NOT coordinator AND state = 'active'");
      if (last.contains("\"data\":[[" + workers + "]]")) {
        last = statement(coordinator, "SELECT count(*) FROM tpch.tiny.region");
        if (last.contains("\"data\":[[5]]")) {
          return;
        }
      }
      HostProcess.pause(500);
    }
    throw new IllegalStateException("Trino has not got " + workers + " working workers: " + last);
  }

  /** Runs a statement through Trino's HTTP protocol with curl and returns every page it got. */
  static String statement(Host from, String sql) {
    return statement(from, "tfwh", sql);
  }

  /** As {@link #statement(Host, String)}, as another user than {@code tfwh}. */
  static String statement(Host from, String user, String sql) {
    Duration timeout = Duration.ofSeconds(20);
    String page =
        from.run(
                timeout,
                "curl",
                "-s",
                "-m",
                "10",
                "-X",
                "POST",
                "-H",
                "X-Trino-User: " + user,
                "--data",
                sql,
                uri(from) + "/v1/statement")
            .text();
    StringBuilder pages = new StringBuilder(page);
    for (int i = 0; i < 200; i++) {
      Matcher next = NEXT_URI.matcher(page);
      if (page.contains("\"error\"") || !next.find()) {
        break;
      }
      HostProcess.pause(50);
      page =
          from.run(timeout, "curl", "-s", "-m", "10", "-H", "X-Trino-User: " + user, next.group(1))
              .text();
      pages.append(page);
    }
    return pages.toString();
  }

  private static HostProcess start(
      Host host,
      Host coordinator,
      TrinoInstall install,
      String name,
      Map<String, String> role,
      Map<String, String> catalogs,
      Map<String, String> environment) {
    ProcessFolder folder = host.prepare(name);
    Path etc = folder.work().resolve("etc");
    Path data = folder.work().resolve("data");
    Map<String, String> config = new LinkedHashMap<>(role);
    config.put("http-server.http.port", String.valueOf(PORT));
    config.put("discovery.uri", uri(coordinator));
    // Sized for -Xmx1G, as the single-node configuration in infra/trino/etc.
    config.put("query.max-memory", "512MB");
    config.put("query.max-memory-per-node", "384MB");
    config.put("task.concurrency", "2");
    config.put("task.max-worker-threads", "4");
    config.put("catalog.config-dir", etc.resolve("catalog").toString());
    config.put("plugin.dir", install.home().resolve("plugin").toString());
    // Who may read what, as ./tfwh trino configures it (infra/trino/etc, trino.sh).
    config.put("access-control.config-files", etc.resolve("access-control.properties").toString());
    Map<String, String> node = new LinkedHashMap<>();
    node.put("node.environment", "tfwh");
    node.put("node.id", "tfwh-" + host.name());
    node.put("node.data-dir", data.toString());
    node.put("node.bind-ip", host.address());
    node.put("node.internal-address", host.address());
    try {
      Files.createDirectories(etc.resolve("catalog"));
      Files.createDirectories(data);
      Files.writeString(etc.resolve("config.properties"), properties(config));
      Files.writeString(etc.resolve("node.properties"), properties(node));
      Files.writeString(etc.resolve("log.properties"), "io.trino=INFO\n");
      writeAccessControl(etc);
      Map<String, String> all = new LinkedHashMap<>(catalogs);
      // The readiness probe (awaitWorkers) queries TPC-H: every node has it, as trino.sh's does.
      all.putIfAbsent("tpch", "connector.name=tpch\n");
      for (Map.Entry<String, String> catalog : all.entrySet()) {
        Files.writeString(
            etc.resolve("catalog/" + catalog.getKey() + ".properties"), catalog.getValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> options = new ArrayList<>(jvmConfig());
    // What bin/launcher passes: node.properties as system properties, and the config file.
    node.forEach((key, value) -> options.add("-D" + key + "=" + value));
    options.add("-Dconfig=" + etc.resolve("config.properties"));
    options.add("-Dlog.levels-file=" + etc.resolve("log.properties"));
    HostProcess process =
        JavaProgram.of(
                "io.trino.server.TrinoServer", List.of(install.home().resolve("lib/*").toString()))
            .withJavaHome(install.javaHome())
            .withHeap("1G")
            .withJvmOptions(options)
            .withEnvironment(environment)
            .start(host, name);
    process.awaitLog("======== SERVER STARTED ========", START);
    return process;
  }

  /**
   * The project's access control (infra/trino/etc/access-control.properties and rules.json, as
   * trino.sh writes them): only the user {@code tfwh} reads the warehouse tables and the current
   * release; everyone else reads {@code <catalog>.published} only.
   */
  private static void writeAccessControl(Path etc) throws IOException {
    Path project = ModuleClasspath.root().resolve("infra/trino/etc");
    Files.writeString(
        etc.resolve("access-control.properties"),
        Files.readString(project.resolve("access-control.properties"))
            .replace("@DATA@/etc", etc.toString()));
    Files.copy(project.resolve("rules.json"), etc.resolve("rules.json"));
  }

  /** The project's Trino JVM options (infra/trino/etc/jvm.config), its heap set separately. */
  private static List<String> jvmConfig() {
    Path file = ModuleClasspath.root().resolve("infra/trino/etc/jvm.config");
    try {
      return Files.readAllLines(file).stream()
          .map(String::trim)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .filter(line -> !line.startsWith("-Xmx") && !line.equals("-server"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String properties(Map<String, String> values) {
    StringBuilder text = new StringBuilder();
    values.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
    return text.toString();
  }
}
