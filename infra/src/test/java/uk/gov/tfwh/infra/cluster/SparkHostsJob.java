package uk.gov.tfwh.infra.cluster;

import java.net.Inet4Address;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.List;
import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * A Spark driver (run on a host of its own): four tasks over a range, each reporting the address of
 * the network interface it ran on and its executor, so the test sees which hosts did the work.
 * Prints one {@code task <partition> <address> <executor id>} line per task.
 */
public final class SparkHostsJob {
  private SparkHostsJob() {}

  public static void main(String[] args) throws Exception {
    String master = args[0];
    SparkSession spark =
        SparkSession.builder()
            .master(master)
            .appName("tfwh cluster smoke")
            .config("spark.cores.max", "2")
            .config("spark.executor.cores", "1")
            // Wait for both executors before scheduling, so the tasks are not all given to the
            // first executor that registers.
            .config("spark.scheduler.minRegisteredResourcesRatio", "1.0")
            .config("spark.scheduler.maxRegisteredResourcesWaitingTime", "180s")
            .getOrCreate();
    try (JavaSparkContext context = new JavaSparkContext(spark.sparkContext())) {
      List<String> lines =
          context
              .parallelize(List.of(0, 1, 2, 3), 4)
              .map(
                  partition -> {
                    // Long enough that one executor cannot take every task before the other starts.
                    Thread.sleep(1000);
                    return "task " + partition + " " + eth0() + " " + SparkEnv.get().executorId();
                  })
              .collect();
      lines.forEach(System.out::println);
    } finally {
      spark.stop();
    }
  }

  /** The IPv4 address of the host's network interface: which namespace the task ran in. */
  static String eth0() throws SocketException {
    NetworkInterface nic = NetworkInterface.getByName("eth0");
    if (nic == null) {
      return "no-eth0";
    }
    return nic.inetAddresses()
        .filter(Inet4Address.class::isInstance)
        .map(address -> address.getHostAddress())
        .findFirst()
        .orElse("no-ipv4");
  }
}
