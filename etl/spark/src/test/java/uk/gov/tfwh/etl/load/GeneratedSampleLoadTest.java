package uk.gov.tfwh.etl.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.etl.IcebergWarehouse;
import uk.gov.tfwh.etl.LoadProcess;
import uk.gov.tfwh.etl.SharedSpark;
import uk.gov.tfwh.etl.Snapshots;
import uk.gov.tfwh.etl.TestLandings;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings;
import uk.gov.tfwh.warehouse.iceberg.release.Release;
import uk.gov.tfwh.warehouse.snapshot.SnapshotStore;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/**
 * The seed-1 sample with 2% faults, from the generator ({@code ./tfwh generate --seed 1 --faults
 * 0.02}), generated once: every row accounted for, every fault in the generator's manifest rejected
 * with its rule, national totals of the current returns equal to the generator's generation
 * manifest. Skipped (not passed) while the generator is not on the test classpath.
 */
class GeneratedSampleLoadTest {
  private static final String GENERATOR = "uk.gov.tfwh.generator.GenerateCommand";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final java.util.regex.Pattern QUARTER =
      java.util.regex.Pattern.compile("20\\d{2}Q[1-4]");

  @TempDir static Path temp;
  static Path landing;
  static SnapshotStore store;
  static LoadResult result;

  @BeforeAll
  static void generateAndLoad() throws Exception {
    landing = temp.resolve("landing");
    Process generate =
        LoadProcess.java(
                GENERATOR,
                List.of("-Dtfwh.root.dir=" + TestLandings.root()),
                List.of("--out", landing.toString(), "--seed", "1", "--faults", "0.02"),
                temp.resolve("generate.log"))
            .start();
    assertThat(generate.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(generate.exitValue()).as(Files.readString(temp.resolve("generate.log"))).isZero();
    store = new SnapshotStore(temp.resolve("warehouse"));
    result =
        new LoadJob(SharedSpark.session(), line -> {})
            .run(new LoadRequest(landing, store.root(), TestLandings.reference(), 10));
  }

  @Test
  void everyRowIsAccountedFor() {
    var totals = result.report().totals();
    assertThat(totals.returnsAccepted() + totals.returnsRejected()).isEqualTo(totals.returnsRead());
    assertThat(totals.claimRowsAccepted() + totals.claimRowsRejected())
        .isEqualTo(totals.claimRowsRead());
    assertThat(totals.returnsAccepted()).isGreaterThan(152L * 20);
    Snapshots.assertManifestMatchesParquet(store, result.snapshotId());
  }

  @Test
  void everyFaultIsRejectedWithItsRule() throws Exception {
    Path manifest = landing.resolve("fault-manifest.json");
    if (!Files.exists(manifest)) {
      manifest = landing.getParent().resolve("fault-manifest.json");
    }
    List<JsonNode> faults = new ArrayList<>();
    collect(JSON.readTree(manifest.toFile()), faults);
    assertThat(faults).as("faults with a rule and a file in " + manifest).isNotEmpty();
    Set<String> found = new HashSet<>();
    for (Row f :
        Snapshots.table(store, result.snapshotId(), WarehouseTable.FACT_FINDING).collectAsList()) {
      found.add(f.<String>getAs("rule_id") + "|" + f.<String>getAs("file"));
    }
    for (JsonNode fault : faults) {
      String key =
          text(fault, "rule", "rule_id", "ruleId") + "|" + text(fault, "file", "file_name");
      assertThat(found).as("fault " + fault).contains(key);
    }
  }

  @Test
  void nationalTotalsAreThoseOfTheGenerationManifest() throws Exception {
    JsonNode manifest = JSON.readTree(landing.resolve("generation-manifest.json").toFile());
    Map<String, JsonNode> expected = new TreeMap<>();
    for (JsonNode row : manifest.get("national_totals")) {
      expected.put(row.get("phase").asInt() + "/" + row.get("period_end").asText(), row);
    }
    assertThat(expected).isNotEmpty();
    List<Row> loaded =
        Snapshots.table(store, result.snapshotId(), WarehouseTable.FACT_RETURN)
            .where("is_current")
            .groupBy("phase", "period_end")
            .agg(
                functions.count("*").as("authorities"),
                functions.sum("families_identified").as("families_identified"),
                functions.sum("families_attached").as("families_attached"),
                functions.sum("results_crime_asb_education").as("results_crime_asb_education"),
                functions.sum("results_continuous_employment").as("results_continuous_employment"),
                functions.sum("results_progress_to_work").as("results_progress_to_work"),
                functions.sum("results_sustained_progress").as("results_sustained_progress"))
            .collectAsList();
    Set<String> seen = new HashSet<>();
    for (Row row : loaded) {
      String key = row.<Integer>getAs("phase") + "/" + row.getAs("period_end").toString();
      JsonNode want = expected.get(key);
      assertThat(want).as("the manifest has totals for " + key).isNotNull();
      seen.add(key);
      for (String column :
          List.of(
              "authorities",
              "families_identified",
              "families_attached",
              "results_crime_asb_education",
              "results_continuous_employment",
              "results_progress_to_work",
              "results_sustained_progress")) {
        if (want.has(column)) {
          Object value = row.getAs(column);
          assertThat(value == null ? 0L : ((Number) value).longValue())
              .as(key + " " + column)
              .isEqualTo(want.get(column).asLong());
        }
      }
    }
    assertThat(seen).isEqualTo(expected.keySet());
  }

  /**
   * The history without its last quarter and one quarter's resubmissions, then every file: the
   * incremental snapshot equals the full load of the same files table by table (but for the ids of
   * the snapshots that loaded or found things), although it carried quarters over.
   */
  @Test
  void anIncrementalLoadEqualsAFullLoadOfTheSameFiles() throws Exception {
    Path history = historyWithoutTheLastQuarterAndOneRevision("history");
    SnapshotStore incremental = new SnapshotStore(temp.resolve("incremental"));
    List<String> progress = new ArrayList<>();
    LoadJob job = new LoadJob(SharedSpark.session(), progress::add);
    job.run(new LoadRequest(history, incremental.root(), TestLandings.reference(), 10));
    progress.clear();
    LoadResult next =
        job.run(new LoadRequest(landing, incremental.root(), TestLandings.reference(), 10));

    assertThat(next.report().totals().returnsReused()).isPositive();
    assertThat(progress)
        .as("fact_claim quarters were carried over, not rewritten")
        .anyMatch(line -> line.matches(".*fact_claim: \\d+ quarters written, [1-9]\\d* carried.*"));
    assertThat(next.report().totals())
        .usingRecursiveComparison()
        .ignoringFields("returnsReadThisLoad", "returnsReused")
        .isEqualTo(result.report().totals());
    for (WarehouseTable table : WarehouseTable.values()) {
      long rows = Snapshots.stats(store, result.snapshotId()).get(table.tableName()).rows();
      assertThat(Snapshots.stats(incremental, next.snapshotId()).get(table.tableName()).rows())
          .as(table.tableName() + " rows")
          .isEqualTo(rows);
      if (rows > 0) {
        Dataset<Row> full = comparable(Snapshots.table(store, result.snapshotId(), table));
        Dataset<Row> added = comparable(Snapshots.table(incremental, next.snapshotId(), table));
        assertThat(added.exceptAll(full).count()).as(table + ": rows only incremental").isZero();
        assertThat(full.exceptAll(added).count()).as(table + ": rows only full").isZero();
      }
    }
    Snapshots.assertManifestMatchesParquet(incremental, next.snapshotId());
  }

  /**
   * As {@link #anIncrementalLoadEqualsAFullLoadOfTheSameFiles} on the Iceberg store, which keeps
   * the quarters of {@code fact_return} whose versions did not change without building their rows:
   * with a new quarter and a revised earlier one, every table still equals the full load's.
   */
  @Test
  void anIncrementalLoadIntoIcebergEqualsAFullLoadOfTheSameFiles() throws Exception {
    Path history = historyWithoutTheLastQuarterAndOneRevision("iceberg-history");
    Path warehouse = temp.resolve("iceberg-incremental");
    LoadJob job = new LoadJob(SharedSpark.session(), line -> {});
    job.run(
        new LoadRequest(history, warehouse, TestLandings.reference(), 10)
            .into(CatalogSettings.embedded(warehouse)));
    LoadResult next =
        job.run(
            new LoadRequest(landing, warehouse, TestLandings.reference(), 10)
                .into(CatalogSettings.embedded(warehouse)));

    assertThat(next.report().totals().returnsReused()).isPositive();
    assertThat(next.report().totals())
        .usingRecursiveComparison()
        .ignoringFields("returnsReadThisLoad", "returnsReused")
        .isEqualTo(result.report().totals());
    try (IcebergWarehouse iceberg = new IcebergWarehouse(warehouse)) {
      Release release = iceberg.release(next.snapshotId());
      for (WarehouseTable table : WarehouseTable.values()) {
        Dataset<Row> full = comparable(Snapshots.table(store, result.snapshotId(), table));
        Dataset<Row> added = comparable(iceberg.read(release, table));
        assertThat(added.count()).as(table.tableName() + " rows").isEqualTo(full.count());
        assertThat(added.exceptAll(full).count()).as(table + ": rows only incremental").isZero();
        assertThat(full.exceptAll(added).count()).as(table + ": rows only full").isZero();
      }
    }
  }

  /**
   * The landing folder without its last quarter and without the resubmissions of one earlier
   * quarter, which then arrive with the new quarter and supersede history.
   */
  private static Path historyWithoutTheLastQuarterAndOneRevision(String folder) throws IOException {
    List<String> names;
    try (var files = Files.list(landing)) {
      names = files.map(f -> f.getFileName().toString()).sorted().toList();
    }
    String last =
        names.stream()
            .map(QUARTER::matcher)
            .filter(java.util.regex.Matcher::find)
            .map(java.util.regex.Matcher::group)
            .max(String::compareTo)
            .orElseThrow();
    String resubmitted =
        names.stream()
            .filter(name -> name.contains("revised") && !name.contains(last))
            .map(QUARTER::matcher)
            .filter(java.util.regex.Matcher::find)
            .map(java.util.regex.Matcher::group)
            .min(String::compareTo)
            .orElseThrow();
    Path history = Files.createDirectories(temp.resolve(folder));
    for (String name : names) {
      if (!name.contains(last) && !(name.contains("revised") && name.contains(resubmitted))) {
        Files.copy(landing.resolve(name), history.resolve(name));
      }
    }
    return history;
  }

  /**
   * A table without the columns of the load that read a row (in the incremental warehouse the
   * earlier files were received by the earlier load), in a fixed column order.
   */
  private static Dataset<Row> comparable(Dataset<Row> table) {
    String[] loadSpecific = WarehouseTable.LOAD_SPECIFIC_COLUMNS.toArray(String[]::new);
    return table
        .drop(loadSpecific)
        .select(
            java.util.Arrays.stream(table.drop(loadSpecific).columns())
                .sorted()
                .map(functions::col)
                .toArray(org.apache.spark.sql.Column[]::new));
  }

  /** Objects naming a TFQR rule and a file, wherever they sit in the manifest. */
  private static void collect(JsonNode node, List<JsonNode> faults) {
    if (node.isObject()) {
      String rule = text(node, "rule", "rule_id", "ruleId");
      if (rule != null && rule.startsWith("TFQR-") && text(node, "file", "file_name") != null) {
        faults.add(node);
      }
    }
    node.forEach(child -> collect(child, faults));
  }

  private static String text(JsonNode node, String... names) {
    for (String name : names) {
      if (node.hasNonNull(name)) {
        return node.get(name).asText();
      }
    }
    return null;
  }
}
