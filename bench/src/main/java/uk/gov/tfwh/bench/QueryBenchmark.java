package uk.gov.tfwh.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import uk.gov.tfwh.warehouse.query.Query;
import uk.gov.tfwh.warehouse.query.QueryEngineConfig;
import uk.gov.tfwh.warehouse.query.QueryEngineConfig.Engine;
import uk.gov.tfwh.warehouse.query.QueryEngines;
import uk.gov.tfwh.warehouse.query.QueryResult;
import uk.gov.tfwh.warehouse.query.SnapshotSelector;
import uk.gov.tfwh.warehouse.query.WarehouseQueries;
import uk.gov.tfwh.warehouse.snapshot.SnapshotStore;

/**
 * Latency of every catalogue query on one engine over a warehouse's current snapshot: median and
 * 99th percentile of {@code --iterations} sequential runs after a warm-up, one line per query. The
 * arguments are taken from the data (the latest quarter with figures of each phase, the first
 * authority), so any loaded warehouse can be measured.
 */
@Command(
    name = "bench-query",
    mixinStandardHelpOptions = true,
    description = "Median and p99 latency of every catalogue query on one engine.")
public final class QueryBenchmark implements Callable<Integer> {
  @Option(names = "--warehouse", required = true, paramLabel = "DIR")
  Path warehouse;

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
    SnapshotStore store = new SnapshotStore(warehouse);
    PrintStream out = System.out;
    try (WarehouseQueries queries = QueryEngines.open(store, config)) {
      SnapshotSelector snapshot = SnapshotSelector.current();
      List<Map.Entry<Query, Map<String, Object>>> calls = calls(queries, snapshot);
      out.printf(
          "engine %s, snapshot %s, %d runs each after %d warm-up%n",
          queries.engineName(), snapshot.resolve(store), iterations, warmup);
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
    return 0;
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
