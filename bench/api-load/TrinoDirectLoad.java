import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogDatabase;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings;
import uk.gov.tfwh.warehouse.iceberg.catalog.StoreChoice;
import uk.gov.tfwh.warehouse.iceberg.release.IcebergReleases;
import uk.gov.tfwh.warehouse.query.Query;
import uk.gov.tfwh.warehouse.query.QueryEngineConfig;
import uk.gov.tfwh.warehouse.query.SnapshotSelector;
import uk.gov.tfwh.warehouse.query.WarehouseQueries;
import uk.gov.tfwh.warehouse.query.trino.TrinoQueries;

/**
 * The league table queried through Trino directly, for {@code ./tfwh bench api --trino} to compare
 * the API with: the query layer's Trino engine (the same catalogue SQL the API runs, over JDBC, no
 * HTTP service and no cache) called back to back by a few threads for a duration. Prints one line
 * of key=value figures like ApiLoad's; exits 1 when any query failed. The warehouse is the Iceberg
 * store ({@code --catalog FILE}, else {@code TFWH_CATALOG}, else its embedded catalog), which Trino
 * serves ({@code ./tfwh trino start --warehouse DIR}); each query is pinned to the published
 * release, as the API runs it, and runs as the API's Trino user.
 *
 * <p>{@code java -cp <warehouse classpath>:. TrinoDirectLoad --warehouse DIR --trino-url
 * jdbc:trino://127.0.0.1:8096 --phase 2 --period 2020-03-31 [--catalog FILE] [--threads 4]
 * [--duration 30]}
 */
public final class TrinoDirectLoad {
  public static void main(String[] args) throws Exception {
    Path warehouse = null;
    Path catalogFile = null;
    String url = null;
    int phase = 2;
    LocalDate period = null;
    int threads = 4;
    double duration = 30;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--warehouse" -> warehouse = Path.of(args[++i]);
        case "--catalog" -> catalogFile = Path.of(args[++i]);
        case "--trino-url" -> url = args[++i];
        case "--phase" -> phase = Integer.parseInt(args[++i]);
        case "--period" -> period = LocalDate.parse(args[++i]);
        case "--threads" -> threads = Integer.parseInt(args[++i]);
        case "--duration" -> duration = Double.parseDouble(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Map<String, Object> arguments = Map.of("phase", phase, "period", period);
    CatalogSettings settings =
        StoreChoice.iceberg(catalogFile, warehouse, System.getenv())
            .orElseThrow(
                () -> new IllegalArgumentException("Trino serves the Iceberg store only"));
    IcebergReleases releases = IcebergReleases.open(CatalogDatabase.of(settings));
    try (WarehouseQueries trino =
        TrinoQueries.overIceberg(
            releases.catalog(), settings, QueryEngineConfig.defaults().withTrino(url))) {
      trino.run(SnapshotSelector.published(), Query.LEAGUE_TABLE, arguments); // warm-up
      long start = System.nanoTime();
      long end = start + (long) (duration * 1e9);
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      List<Future<long[]>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        futures.add(
            pool.submit(
                () -> {
                  long[] latencies = new long[1024];
                  int n = 0;
                  long errors = 0;
                  while (System.nanoTime() < end) {
                    long sent = System.nanoTime();
                    try {
                      trino.run(SnapshotSelector.published(), Query.LEAGUE_TABLE, arguments);
                    } catch (RuntimeException e) {
                      errors++;
                    }
                    if (n == latencies.length) {
                      latencies = Arrays.copyOf(latencies, n * 2);
                    }
                    latencies[n++] = System.nanoTime() - sent;
                  }
                  long[] result = Arrays.copyOf(latencies, n + 1);
                  result[n] = errors;
                  return result;
                }));
      }
      List<Long> all = new ArrayList<>();
      long errors = 0;
      for (Future<long[]> future : futures) {
        long[] result = future.get();
        for (int i = 0; i < result.length - 1; i++) {
          all.add(result[i]);
        }
        errors += result[result.length - 1];
      }
      pool.shutdown();
      double seconds = (System.nanoTime() - start) / 1e9;
      all.sort(null);
      System.out.println(
          String.format(
              Locale.ROOT,
              "label=trino-direct-league-table client=jdbc threads=%d seconds=%.1f requests=%d"
                  + " rps=%.1f p50_ms=%.2f p99_ms=%.2f errors=%d",
              threads,
              seconds,
              all.size(),
              all.size() / seconds,
              percentile(all, 0.50) / 1e6,
              percentile(all, 0.99) / 1e6,
              errors));
      if (errors > 0 || all.isEmpty()) {
        System.exit(1);
      }
    }
  }

  private static long percentile(List<Long> sorted, double p) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int index = (int) Math.ceil(p * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }
}
