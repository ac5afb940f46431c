package uk.gov.tfwh.etl.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.etl.LoadProcess;
import uk.gov.tfwh.etl.Snapshots;
import uk.gov.tfwh.etl.TestLandings;
import uk.gov.tfwh.warehouse.snapshot.SnapshotStore;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/**
 * The load on a real Spark standalone cluster (a master and a worker on 127.0.0.1, started from the
 * project's own dependencies) writes the same snapshot as in local mode.
 */
class StandaloneClusterIT {
  @TempDir Path temp;
  private final List<Process> started = new ArrayList<>();

  @AfterEach
  void stopCluster() throws InterruptedException {
    for (Process process : started) {
      process.destroy();
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  @Test
  void clusterLoadEqualsLocalLoad() throws Exception {
    Path landing = TestLandings.copyExamples(temp.resolve("landing"));
    int port = freePort();
    String master = "spark://127.0.0.1:" + port;
    Path sparkHome = Files.createDirectories(temp.resolve("spark-home/jars"));
    start(
        "org.apache.spark.deploy.master.Master",
        List.of("--host", "127.0.0.1", "--port", String.valueOf(port), "--webui-port", "0"),
        temp.resolve("master.log"),
        sparkHome.getParent());
    awaitLine(temp.resolve("master.log"), "I have been elected leader", 60);
    start(
        "org.apache.spark.deploy.worker.Worker",
        List.of(
            "--host",
            "127.0.0.1",
            "--cores",
            "2",
            "--memory",
            "1g",
            "--webui-port",
            "0",
            "--work-dir",
            temp.resolve("work").toString(),
            master),
        temp.resolve("worker.log"),
        sparkHome.getParent());
    awaitLine(temp.resolve("worker.log"), "Successfully registered with master", 60);

    SnapshotStore local = new SnapshotStore(temp.resolve("local"));
    SnapshotStore cluster = new SnapshotStore(temp.resolve("cluster"));
    assertThat(load(landing, local, null, temp.resolve("local.log"))).isZero();
    assertThat(load(landing, cluster, master, temp.resolve("cluster.log")))
        .as(Files.readString(temp.resolve("cluster.log")))
        .isZero();
    assertThat(Files.readString(temp.resolve("cluster.log"))).contains("master " + master);

    String localId = local.current().orElseThrow().id();
    String clusterId = cluster.current().orElseThrow().id();
    for (WarehouseTable table : WarehouseTable.values()) {
      long rows = local.manifest(localId).tables().get(table.tableName()).rows();
      assertThat(cluster.manifest(clusterId).tables().get(table.tableName()).rows())
          .as(table.tableName())
          .isEqualTo(rows);
      if (rows == 0) {
        continue;
      }
      // Only the columns of the load that wrote a row differ between the two warehouses.
      Dataset<Row> a = comparable(Snapshots.table(local, localId, table));
      Dataset<Row> b = comparable(Snapshots.table(cluster, clusterId, table));
      assertThat(a.exceptAll(b).count()).as(table.tableName()).isZero();
      assertThat(b.exceptAll(a).count()).as(table.tableName()).isZero();
    }
  }

  private static Dataset<Row> comparable(Dataset<Row> table) {
    return table.drop(WarehouseTable.LOAD_SPECIFIC_COLUMNS.toArray(String[]::new));
  }

  private int load(Path landing, SnapshotStore store, String master, Path log) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--landing", landing.toString(),
                "--warehouse", store.root().toString(),
                "--reference", TestLandings.reference().toString()));
    List<String> jvm = new ArrayList<>();
    if (master != null) {
      args.add("--master");
      args.add(master);
      // Executors get the job's classes the way spark-submit --jars would give them.
      jvm.add("-Dspark.executor.extraClassPath=" + LoadProcess.expandedClasspath());
      jvm.add("-Dspark.executor.memory=768m");
      jvm.add("-Dspark.cores.max=2");
    }
    Process process = LoadProcess.startLoad(jvm, log, args.toArray(String[]::new));
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
    return process.exitValue();
  }

  private void start(String main, List<String> args, Path log, Path sparkHome) throws IOException {
    ProcessBuilder builder = LoadProcess.java(main, List.of("-Dspark.ui.enabled=false"), args, log);
    // The worker builds executor commands as a Spark distribution would: an (empty) jars folder
    // under SPARK_HOME and the Scala version, with the job's classes on
    // spark.executor.extraClassPath.
    builder.environment().put("SPARK_HOME", sparkHome.toString());
    builder.environment().put("SPARK_SCALA_VERSION", "2.13");
    builder.environment().put("SPARK_WORKER_DIR", temp.resolve("work").toString());
    started.add(0, builder.start());
  }

  private static void awaitLine(Path log, String text, int seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      if (Files.exists(log) && Files.readString(log).contains(text)) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no '" + text + "' in " + log + ":\n" + Files.readString(log));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
