package uk.gov.tfwh.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogDatabase;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings;
import uk.gov.tfwh.warehouse.iceberg.catalog.StoreChoice;
import uk.gov.tfwh.warehouse.iceberg.catalog.WarehouseCatalog;
import uk.gov.tfwh.warehouse.iceberg.release.IcebergReleases;
import uk.gov.tfwh.warehouse.query.Query;
import uk.gov.tfwh.warehouse.query.QueryEngineConfig;
import uk.gov.tfwh.warehouse.query.QueryEngineConfig.Engine;
import uk.gov.tfwh.warehouse.query.QueryEngines;
import uk.gov.tfwh.warehouse.query.QueryResult;
import uk.gov.tfwh.warehouse.query.SnapshotSelector;
import uk.gov.tfwh.warehouse.query.WarehouseQueries;
import uk.gov.tfwh.warehouse.query.embedded.EmbeddedQueries;
import uk.gov.tfwh.warehouse.query.trino.TrinoQueries;
import uk.gov.tfwh.warehouse.release.WarehouseReleases;
import uk.gov.tfwh.warehouse.snapshot.SnapshotStore;

/**
 * Latency of every catalogue query on one engine over a warehouse's current snapshot: median and
 * 99th percentile of {@code --iterations} sequential runs after a warm-up, one line per query. The
 * arguments are taken from the data (the latest quarter with figures of each phase, the first
 * authority), so any loaded warehouse can be measured. The warehouse is the folder store or the
 * Iceberg store's embedded catalog in the same folder ({@code --store}, else {@code TFWH_STORE};
 * the Iceberg store by default). Trino ({@code --engine trino}) is measured on the Iceberg store
 * only.
 */
@Command(
    name = "bench-query",
    mixinStandardHelpOptions = true,
    description = "Median and p99 latency of every catalogue query on one engine.")
public final class QueryBenchmark implements Callable<Integer> {
  @Option(names = "--warehouse", required = true, paramLabel = "DIR")
  Path warehouse;

  @Option(
      names = "--store",
      paramLabel = "folder|iceberg",
      description =
          "The folder store or the Iceberg store (its embedded catalog in the warehouse folder);"
              + " default: as TFWH_STORE says.")
  String store;

  @Option(
      names = "--results",
      paramLabel = "FILE",
      description =
          "Also write every call's answer there (snapshot ids left out), to compare two stores.")
  Path results;

  @Option(names = "--engine", defaultValue = "embedded", description = "embedded or trino")
  String engine;

  @Option(names = "--trino", paramLabel = "URL", description = "Trino JDBC URL (engine trino).")
  String trino;

  @Option(names = "--iterations", defaultValue = "200")
  int iterations;

  @Option(names = "--warmup", defaultValue = "20")
  int warmup;

  @Option(
      names = "--threads",
      defaultValue = "0",
      description = "Also run the league table from N threads at once for --seconds.")
  int threads;

  @Option(names = "--seconds", defaultValue = "10")
  int seconds;

  @Option(names = "--duckdb-threads", description = "DuckDB threads per query.")
  Integer duckdbThreads;

  @Option(names = "--pool", description = "DuckDB connections per snapshot.")
  Integer pool;

  @Option(
      names = "--no-cache",
      description = "Embedded: run every query on DuckDB, without the per-snapshot result cache.")
  boolean noCache;

  public static void main(String[] args) {
    System.exit(new CommandLine(new QueryBenchmark()).execute(args));
  }

  @Override
  public Integer call() {
    QueryEngineConfig config = QueryEngineConfig.defaults().withEngine(Engine.of(engine));
    if (trino != null) {
      config = config.withTrino(trino);
    }
    if (duckdbThreads != null || pool != null) {
      config =
          config.withDuckdb(
              duckdbThreads != null ? duckdbThreads : config.duckdbThreads(),
              pool != null ? pool : config.connectionPool());
    }
    if (noCache) {
      config = config.withResultCacheEntries(0);
    }
    Optional<CatalogSettings> iceberg =
        StoreChoice.iceberg(
            null,
            warehouse,
            store == null ? System.getenv() : Map.of(StoreChoice.STORE_ENV, store));
    if (iceberg.isPresent()) {
      try (WarehouseCatalog catalog = WarehouseCatalog.open(iceberg.get())) {
        IcebergReleases releases = IcebergReleases.open(CatalogDatabase.of(iceberg.get()));
        // Trino reads the same catalog (./tfwh trino start --warehouse DIR), each query pinned to
        // the release's snapshots, as the API's Trino engine runs it.
        try (WarehouseQueries queries =
            config.engine() == Engine.TRINO
                ? TrinoQueries.overIceberg(releases.catalog(), iceberg.get(), config)
                : EmbeddedQueries.overIceberg(catalog, releases, config)) {
          measure(queries, releases, "iceberg");
        }
      }
    } else {
      if (config.engine() != Engine.EMBEDDED) {
        throw new IllegalArgumentException(
            "bench-query: Trino serves the Iceberg store only; measure it with --store iceberg");
      }
      SnapshotStore folder = new SnapshotStore(warehouse);
      try (WarehouseQueries queries = QueryEngines.open(folder, config)) {
        measure(queries, folder, "folder");
      }
    }
    return 0;
  }

  private void measure(WarehouseQueries queries, WarehouseReleases releases, String storeName) {
    PrintStream out = System.out;
    SnapshotSelector snapshot = SnapshotSelector.current();
    List<Map.Entry<Query, Map<String, Object>>> calls = calls(queries, snapshot);
    out.printf(
        "store %s, engine %s, snapshot %s, %d runs each after %d warm-up%n",
        storeName, queries.engineName(), snapshot.resolve(releases), iterations, warmup);
    if (results != null) {
      writeResults(queries, snapshot, calls);
    }
    out.printf("%-24s %7s %10s %10s%n", "query", "rows", "median ms", "p99 ms");
    for (Map.Entry<Query, Map<String, Object>> call : calls) {
      int rows = 0;
      for (int i = 0; i < warmup; i++) {
        rows = queries.run(snapshot, call.getKey(), call.getValue()).size();
      }
      long[] nanos = new long[iterations];
      for (int i = 0; i < iterations; i++) {
        long start = System.nanoTime();
        queries.run(snapshot, call.getKey(), call.getValue());
        nanos[i] = System.nanoTime() - start;
      }
      Arrays.sort(nanos);
      out.printf(
          "%-24s %7d %10.2f %10.2f%n",
          call.getKey().fileName(),
          rows,
          nanos[nanos.length / 2] / 1e6,
          percentile(nanos, 0.99) / 1e6);
    }
    if (threads > 0) {
      concurrent(queries, snapshot, calls.get(0).getValue(), out);
    }
  }

  /**
   * Every call's columns and rows as text, one value a cell; columns naming a snapshot are left
   * out, since two stores loaded from the same landing folder differ only there.
   */
  private void writeResults(
      WarehouseQueries queries,
      SnapshotSelector snapshot,
      List<Map.Entry<Query, Map<String, Object>>> calls) {
    StringBuilder text = new StringBuilder();
    for (Map.Entry<Query, Map<String, Object>> call : calls) {
      QueryResult result = queries.run(snapshot, call.getKey(), call.getValue());
      text.append("== ").append(call.getKey().fileName()).append(' ');
      text.append(new TreeMap<>(call.getValue()));
      text.append('\n');
      List<Integer> kept = new ArrayList<>();
      for (int c = 0; c < result.columns().size(); c++) {
        String name = result.columns().get(c).name();
        if (!name.contains("snapshot")) {
          kept.add(c);
          text.append(name).append('\t');
        }
      }
      text.append('\n');
      for (List<Object> row : result.rows()) {
        for (int c : kept) {
          text.append(row.get(c)).append('\t');
        }
        text.append('\n');
      }
    }
    try {
      Files.writeString(results, text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + results, e);
    }
  }

  private void concurrent(
      WarehouseQueries queries,
      SnapshotSelector snapshot,
      Map<String, Object> arguments,
      PrintStream out) {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    List<long[]> perThread = new ArrayList<>();
    List<Thread> running = new ArrayList<>();
    java.util.concurrent.atomic.AtomicLong errors = new java.util.concurrent.atomic.AtomicLong();
    for (int t = 0; t < threads; t++) {
      long[] samples = new long[200_000];
      perThread.add(samples);
      int[] count = {0};
      Thread thread =
          new Thread(
              () -> {
                while (System.nanoTime() < end && count[0] < samples.length) {
                  long start = System.nanoTime();
                  try {
                    queries.run(snapshot, Query.LEAGUE_TABLE, arguments);
                  } catch (RuntimeException e) {
                    errors.incrementAndGet();
                  }
                  samples[count[0]++] = System.nanoTime() - start;
                }
                samples[samples.length - 1] = count[0];
              });
      thread.start();
      running.add(thread);
    }
    for (Thread thread : running) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    int total = 0;
    for (long[] samples : perThread) {
      total += (int) samples[samples.length - 1];
    }
    long[] all = new long[total];
    int at = 0;
    for (long[] samples : perThread) {
      int n = (int) samples[samples.length - 1];
      System.arraycopy(samples, 0, all, at, n);
      at += n;
    }
    Arrays.sort(all);
    out.printf(
        "league_table from %d threads for %d s: %d queries (%.0f/s), median %.2f ms, p99 %.2f"
            + " ms, errors %d%n",
        threads,
        seconds,
        total,
        total / (double) seconds,
        all[all.length / 2] / 1e6,
        percentile(all, 0.99) / 1e6,
        errors.get());
  }

  private static long percentile(long[] sorted, double p) {
    return sorted[Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(sorted.length * p) - 1))];
  }

  /** One call per query, with arguments that select data in this snapshot. */
  private static List<Map.Entry<Query, Map<String, Object>>> calls(
      WarehouseQueries queries, SnapshotSelector snapshot) {
    QueryResult periods = queries.run(snapshot, Query.PERIODS, Map.of("phase", 1));
    LocalDate period = null;
    for (int i = 0; i < periods.size(); i++) {
      if (periods.value(i, "authorities_reporting", Long.class) > 0) {
        period = periods.value(i, "period_end", LocalDate.class);
      }
    }
    if (period == null) {
      throw new IllegalStateException("the snapshot has no phase-1 figures to measure");
    }
    QueryResult league =
        queries.run(snapshot, Query.LEAGUE_TABLE, Map.of("phase", 1, "period", period));
    String authority = league.value(league.size() / 2, "authority_code", String.class);
    Map<Query, Map<String, Object>> calls = new LinkedHashMap<>();
    calls.put(Query.LEAGUE_TABLE, Map.of("phase", 1, "period", period));
    calls.put(Query.NATIONAL_TOTALS, Map.of("phase", 1, "period", period));
    calls.put(Query.REGION_TOTALS, Map.of("phase", 1, "period", period));
    calls.put(Query.AUTHORITY_PROGRESS, Map.of("authority", authority, "phase", 1));
    calls.put(
        Query.BENCHMARK,
        Map.of(
            "authority",
            authority,
            "phase",
            1,
            "period",
            period,
            "comparison_group",
            "neighbours"));
    calls.put(Query.PAYMENTS, Map.of("phase", 1));
    calls.put(Query.DATA_QUALITY, Map.of("phase", 1, "period", period));
    calls.put(Query.DATA_QUALITY_FINDINGS, Map.of("phase", 1, "period", period));
    calls.put(Query.RETURN_HISTORY, Map.of("authority", authority, "phase", 1, "period", period));
    calls.put(Query.PERIODS, Map.of());
    calls.put(Query.AUTHORITIES, Map.of());
    return new ArrayList<>(calls.entrySet());
  }
}
