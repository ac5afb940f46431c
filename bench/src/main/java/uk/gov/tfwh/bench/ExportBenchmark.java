package uk.gov.tfwh.bench;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import uk.gov.tfwh.exports.ExportFile;
import uk.gov.tfwh.exports.ExportFormat;
import uk.gov.tfwh.exports.Exports;
import uk.gov.tfwh.exports.TableRequest;
import uk.gov.tfwh.exports.format.PoiLogging;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;
import uk.gov.tfwh.warehouse.query.QueryEngineConfig;
import uk.gov.tfwh.warehouse.query.SnapshotSelector;
import uk.gov.tfwh.warehouse.query.WarehouseQueries;
import uk.gov.tfwh.warehouse.query.embedded.WarehouseReader;
import uk.gov.tfwh.warehouse.release.WarehouseReleases;

/**
 * {@code ./tfwh bench exports}: the time to produce the briefing PDF and the XLSX league table,
 * median (and min, max) of N runs after warm-up runs, each through the {@link Exports} facade as
 * the API calls it. Run twice by bench/exports.sh: with the query layer's result cache (as the API
 * serves) and without it (every query on DuckDB). The warehouse is the store {@code StoreChoice}
 * picks (the Iceberg store by default, {@code TFWH_STORE=folder} for the legacy folder store).
 * Prints figures; asserts nothing.
 */
@Command(name = "bench-exports", mixinStandardHelpOptions = true)
public final class ExportBenchmark implements Callable<Integer> {
  @Option(names = "--warehouse", required = true, paramLabel = "DIR")
  Path warehouse;

  @Option(names = "--phase", defaultValue = "1")
  int phase;

  @Option(names = "--period", defaultValue = "2015-03-31", paramLabel = "YYYY-MM-DD")
  LocalDate period;

  @Option(names = "--runs", defaultValue = "20")
  int runs;

  @Option(names = "--warmup", defaultValue = "10")
  int warmup;

  @Option(names = "--no-cache", description = "Run every query on DuckDB (no result cache).")
  boolean noCache;

  public static void main(String[] args) {
    PoiLogging.keepErrorsOnly();
    System.exit(new CommandLine(new ExportBenchmark()).execute(args));
  }

  @Override
  public Integer call() {
    QueryEngineConfig config = QueryEngineConfig.defaults();
    if (noCache) {
      config = config.withResultCacheEntries(0);
    }
    try (WarehouseReader reader = WarehouseReader.open(null, warehouse, System.getenv());
        WarehouseQueries queries = reader.queries(config)) {
      WarehouseReleases store = reader.releases();
      Exports exports = new Exports(queries, store, Clock.systemUTC());
      SnapshotSelector snapshot = SnapshotSelector.current();
      Phase phase = Phase.ofNumber(this.phase);
      Quarter quarter = Quarter.endingOn(period);
      System.out.printf(
          Locale.ROOT,
          "exports benchmark: phase %d, %s, snapshot %s, %s, %d warm-up + %d runs%n",
          phase.number(),
          period,
          snapshot.resolve(store),
          noCache ? "no result cache" : "result cache on (as served)",
          warmup,
          runs);
      measure("briefing PDF", 500, () -> exports.briefingPdf(phase, quarter, snapshot));
      // Kent: a county with figures in every quarter of both phases of the seed-1 sample.
      measure(
          "authority profile",
          200,
          () -> exports.authorityProfilePdf("E10000016", phase, quarter, snapshot));
      measure(
          "league table XLSX",
          200,
          () ->
              exports.table(TableRequest.leagueTable(phase, quarter), ExportFormat.XLSX, snapshot));
      measure(
          "league table ODS",
          200,
          () ->
              exports.table(TableRequest.leagueTable(phase, quarter), ExportFormat.ODS, snapshot));
      measure(
          "league table CSV",
          200,
          () ->
              exports.table(TableRequest.leagueTable(phase, quarter), ExportFormat.CSV, snapshot));
    }
    return 0;
  }

  private void measure(String name, long targetMillis, Supplier<ExportFile> export) {
    ExportFile file = null;
    for (int i = 0; i < warmup; i++) {
      file = export.get();
    }
    double[] millis = new double[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      file = export.get();
      millis[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(millis);
    double median =
        runs % 2 == 1 ? millis[runs / 2] : (millis[runs / 2 - 1] + millis[runs / 2]) / 2;
    System.out.printf(
        Locale.ROOT,
        "%-18s median %7.1f ms  min %7.1f  max %7.1f  (%,d bytes)  target < %d ms: %s%n",
        name,
        median,
        millis[0],
        millis[runs - 1],
        file == null ? 0 : file.size(),
        targetMillis,
        median < targetMillis ? "met" : "MISSED");
  }
}
