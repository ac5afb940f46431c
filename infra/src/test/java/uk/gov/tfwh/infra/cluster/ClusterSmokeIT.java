package uk.gov.tfwh.infra.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster services on separate hosts that share only a private network: PostgreSQL, a Spark
 * standalone master with two workers and a driver on a host of its own, a Trino coordinator with
 * one worker. The test's own JVM is outside the network; it talks to the services only through
 * clients it starts on a host of the network ({@code client}), as an operator on another machine
 * would. Proves the work really is spread: Spark tasks report the address of the host they ran on,
 * and Trino's task table names the node that ran each task.
 */
class ClusterSmokeIT {
  @BeforeAll
  static void hostsCanBeMadeHere() {
    HostsOnThisMachine.assumeAvailable();
  }

  private static final Duration CLIENT = Duration.ofMinutes(4);

  // Kept when the test fails: every process's log is in its host's folder.
  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path temp;

  @Test
  void sparkAndTrinoRunTheirWorkOnOtherHosts() throws Exception {
    long started = System.nanoTime();
    try (PrivateNetwork network =
        PrivateNetwork.create(
            temp,
            "postgres",
            "sparkm",
            "sparka",
            "sparkb",
            "driver",
            "trinoc",
            "trinow",
            "client")) {
      PeakMemory peak = PeakMemory.watch(network);
      Phases phases = new Phases(started);
      phases.mark("network");
      Host trinoc = network.host("trinoc");
      Host trinow = network.host("trinow");
      Host client = network.host("client");

      // Trino takes longest to start: it comes up while the rest starts and Spark runs.
      TrinoInstall trino = TrinoInstall.locate().requirePlugins("tpch");
      Map<String, String> catalogs = Map.of("tpch", "connector.name=tpch\n");
      CompletableFuture<HostProcess> coordinator =
          CompletableFuture.supplyAsync(() -> TrinoNodes.startCoordinator(trinoc, trino, catalogs));
      CompletableFuture<HostProcess> worker =
          CompletableFuture.supplyAsync(
              () -> TrinoNodes.startWorker(trinow, trinoc, trino, catalogs));

      try (ClusterPostgres postgres =
          ClusterPostgres.start(network.host("postgres"), network.subnet())) {
        postgres.createDatabase("iceberg_catalog");
        List<String> rows =
            sql(
                client,
                postgres.jdbcUrl("iceberg_catalog"),
                postgres.user(),
                postgres.password(),
                "SELECT current_database(), host(inet_server_addr())");
        assertThat(rows).containsExactly("row 0\ticeberg_catalog\t" + postgres.host().address());
      }
      phases.mark("postgres");

      List<String> load = ModuleClasspath.of("etl/spark");
      SparkStandalone.Master master = SparkStandalone.startMaster(network.host("sparkm"), load);
      CompletableFuture<HostProcess> secondWorker =
          CompletableFuture.supplyAsync(
              () -> SparkStandalone.startWorker(network.host("sparkb"), load, master, 1, "512m"));
      SparkStandalone.startWorker(network.host("sparka"), load, master, 1, "512m");
      secondWorker.join();
      phases.mark("spark up");
      List<String> job = new ArrayList<>(load);
      job.add(ModuleClasspath.infraTestClasses());
      Host driverHost = network.host("driver");
      HostProcess driver =
          JavaProgram.of(SparkHostsJob.class.getName(), job)
              .withJvmOptions(SparkStandalone.OPENS)
              .withJvmOptions(SparkStandalone.driverOptions(driverHost, job))
              .withEnvironment(Map.of("SPARK_LOCAL_IP", driverHost.address()))
              .withArguments(List.of(master.url()))
              .start(driverHost, "driver");
      assertThat(driver.awaitExit(CLIENT)).as(driver.log()).isZero();
      phases.mark("spark job");
      Set<String> taskHosts = new TreeSet<>();
      for (String line : driver.log().split("\n")) {
        if (line.startsWith("task ")) {
          taskHosts.add(line.split(" ")[2]);
        }
      }
      assertThat(taskHosts)
          .as(driver.log())
          .containsExactlyInAnyOrder(
              network.host("sparka").address(), network.host("sparkb").address());

      coordinator.join();
      worker.join();
      TrinoNodes.awaitWorkers(trinoc, 1);
      phases.mark("trino up");
      List<String> answers =
          sql(
              client,
              TrinoNodes.jdbcUrl(trinoc),
              "tfwh",
              null,
              "SELECT count(*) FROM tpch.tiny.lineitem",
              "SELECT DISTINCT t.node_id FROM system.runtime.tasks t"
                  + " JOIN system.runtime.queries q ON q.query_id = t.query_id"
                  + " WHERE q.query = 'SELECT count(*) FROM tpch.tiny.lineitem'",
              "SELECT node_id, coordinator FROM system.runtime.nodes ORDER BY node_id");
      assertThat(answers)
          .filteredOn(line -> line.startsWith("row "))
          .containsExactly(
              "row 0\t60175",
              "row 1\ttfwh-trinow",
              "row 2\ttfwh-trinoc\ttrue",
              "row 2\ttfwh-trinow\tfalse");

      phases.mark("trino queries");
      peak.stop();
      System.out.println("cluster smoke: " + phases + "; " + peak);
    }
    System.out.printf(
        "cluster smoke: %d s with shutdown%n",
        Duration.ofNanos(System.nanoTime() - started).toSeconds());
  }

  /** Runs SQL from the client host (SqlQuery) and returns its output lines. */
  private static List<String> sql(
      Host client, String url, String user, String password, String... statements) {
    List<String> classpath =
        List.of(
            ModuleClasspath.infraTestClasses(),
            jarOf(io.trino.jdbc.TrinoDriver.class),
            jarOf(org.postgresql.Driver.class));
    List<String> arguments = new ArrayList<>(List.of(url, user));
    arguments.addAll(List.of(statements));
    JavaProgram program =
        JavaProgram.of(SqlQuery.class.getName(), classpath)
            .withHeap("256m")
            .withArguments(arguments);
    if (password != null) {
      program = program.withEnvironment(Map.of("TFWH_SQL_PASSWORD", password));
    }
    HostProcess process = program.start(client, "sql-" + System.nanoTime());
    assertThat(process.awaitExit(CLIENT)).as(process.log()).isZero();
    return process.log().lines().toList();
  }

  private static String jarOf(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
