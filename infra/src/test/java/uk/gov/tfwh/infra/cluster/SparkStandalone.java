package uk.gov.tfwh.infra.cluster;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A Spark standalone cluster on private hosts: {@code org.apache.spark.deploy.master.Master} and
 * {@code org.apache.spark.deploy.worker.Worker} run from the load's own classpath (no Spark
 * distribution), each bound to its host's address on the ports a deployment uses.
 */
public final class SparkStandalone {
  /** The master's RPC port (spark://host:7077), as in a Spark distribution. */
  public static final int MASTER_PORT = 7077;

  public static final int MASTER_UI_PORT = 8080;
  public static final int WORKER_PORT = 7078;
  public static final int WORKER_UI_PORT = 8081;

  /** Spark's module opens for Java 17, as {@code infra/bin/common.sh} gives the load. */
  public static final List<String> OPENS =
      List.of(
          "--add-opens=java.base/java.lang=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
          "--add-opens=java.base/java.io=ALL-UNNAMED",
          "--add-opens=java.base/java.net=ALL-UNNAMED",
          "--add-opens=java.base/java.nio=ALL-UNNAMED",
          "--add-opens=java.base/java.util=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
          "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
          "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
          "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
          "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
          "-Djdk.reflect.useDirectMethodHandle=false");

  private static final Duration START = Duration.ofSeconds(90);

  private SparkStandalone() {}

  /** A started master and its URL, {@code spark://<address>:7077}. */
  public record Master(HostProcess process, String url) {
    public Master {
      requireNonNull(process);
      requireNonNull(url);
    }
  }

  /** Starts a master on the host and waits until it leads. */
  public static Master startMaster(Host host, List<String> classpath) {
    HostProcess process =
        daemon(host, classpath, "org.apache.spark.deploy.master.Master")
            .withArguments(
                List.of(
                    "--host",
                    host.address(),
                    "--port",
                    String.valueOf(MASTER_PORT),
                    "--webui-port",
                    String.valueOf(MASTER_UI_PORT)))
            .start(host, "spark-master");
    process.awaitLog("I have been elected leader", START);
    return new Master(process, "spark://" + host.address() + ":" + MASTER_PORT);
  }

  /**
   * Starts a worker offering {@code cores} and {@code memory} (such as {@code 512m}) to executors,
   * and waits until the master has registered it. Its executors run in its work folder on its host.
   */
  public static HostProcess startWorker(
      Host host, List<String> classpath, Master master, int cores, String memory) {
    ProcessFolder folder = host.prepare("spark-worker");
    try {
      // The worker builds executor commands as in a Spark distribution: an (empty) jars folder
      // under SPARK_HOME and the Scala version; the job's classes come from
      // spark.executor.extraClassPath.
      Files.createDirectories(folder.work().resolve("spark-home/jars"));
      Files.createDirectories(folder.work().resolve("executors"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    HostProcess process =
        daemon(host, classpath, "org.apache.spark.deploy.worker.Worker")
            .withEnvironment(
                Map.of(
                    "SPARK_HOME", folder.work().resolve("spark-home").toString(),
                    "SPARK_SCALA_VERSION", "2.13",
                    "SPARK_WORKER_DIR", folder.work().resolve("executors").toString()))
            .withJvmOptions(List.of("-Dspark.local.dir=" + folder.tmp()))
            .withArguments(
                List.of(
                    "--host",
                    host.address(),
                    "--port",
                    String.valueOf(WORKER_PORT),
                    "--webui-port",
                    String.valueOf(WORKER_UI_PORT),
                    "--cores",
                    String.valueOf(cores),
                    "--memory",
                    memory,
                    "--work-dir",
                    folder.work().resolve("executors").toString(),
                    master.url()))
            .start(host, "spark-worker");
    process.awaitLog("Successfully registered with master", START);
    return process;
  }

  /**
   * Settings a driver on {@code host} needs against this cluster: its address for executors to call
   * back, the job's classes on the executors' classpath (installed at the same path on every host),
   * and executors sized for the 512 MiB workers.
   */
  public static List<String> driverOptions(Host host, List<String> executorClasspath) {
    return List.of(
        "-Dspark.driver.host=" + host.address(),
        "-Dspark.driver.bindAddress=" + host.address(),
        "-Dspark.executor.extraClassPath=" + String.join(":", executorClasspath),
        "-Dspark.executor.memory=512m",
        // Each executor's temporary files in its own folder under its worker's work folder.
        "-Dspark.executor.extraJavaOptions=-Djava.io.tmpdir=. " + JavaProgram.NO_SHARED_PERF_DATA,
        "-Dspark.ui.enabled=false");
  }

  private static JavaProgram daemon(Host host, List<String> classpath, String main) {
    return JavaProgram.of(main, classpath)
        .withJvmOptions(OPENS)
        .withJvmOptions(List.of("-Dspark.ui.enabled=false"))
        .withEnvironment(Map.of("SPARK_LOCAL_IP", host.address()));
  }
}
