package uk.gov.tfwh.etl.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.etl.SharedSpark;
import uk.gov.tfwh.etl.Snapshots;
import uk.gov.tfwh.etl.TestLandings;
import uk.gov.tfwh.warehouse.query.Query;
import uk.gov.tfwh.warehouse.query.QueryEngineConfig;
import uk.gov.tfwh.warehouse.query.QueryResult;
import uk.gov.tfwh.warehouse.query.SnapshotSelector;
import uk.gov.tfwh.warehouse.query.embedded.EmbeddedQueries;
import uk.gov.tfwh.warehouse.snapshot.SnapshotStore;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/**
 * A rejected return is placed in its authority's and quarter's data quality (issue 17, finding 8:
 * every return-level rejection had no authority or quarter, so the data-quality view showed none
 * for an authority whose return was refused): by its cells where they were right, else by its file
 * name. Proved through the real load and the warehouse's own data-quality query.
 */
class RejectedReturnsPlacedTest {
  @TempDir Path temp;

  @Test
  void aRejectionCountsInItsAuthoritysDataQualityWhetherReadFromCellsOrFromTheFileName() {
    // Leeds, phase 1, 2014Q1: readable, refused for its arithmetic (S09, S10).
    Path landing = TestLandings.copyExamples(temp.resolve("landing"), "bad-arithmetic");
    // Kent's phase 2 return for 2015Q2, not a workbook at all (F02): only its name says whose.
    TestLandings.write(landing.resolve("E10000016-2015Q2-p2.xlsx"), "this is not a workbook");
    SnapshotStore store = new SnapshotStore(temp.resolve("warehouse"));

    LoadResult result =
        new LoadJob(SharedSpark.session(), line -> {})
            .run(new LoadRequest(landing, store.root(), TestLandings.reference(), 10));

    List<Row> findings =
        Snapshots.rows(store, result.snapshotId(), WarehouseTable.FACT_FINDING, "true");
    assertThat(findings)
        .filteredOn(r -> "bad-arithmetic".equals(r.getAs("source_stem")))
        .isNotEmpty()
        .allSatisfy(
            r -> {
              assertThat(r.<String>getAs("authority_code")).isEqualTo("E08000035");
              assertThat(r.<Integer>getAs("phase")).isEqualTo(1);
              assertThat(r.getAs("period_end").toString()).isEqualTo("2014-03-31");
            });
    assertThat(findings)
        .filteredOn(r -> "E10000016-2015Q2-p2".equals(r.getAs("source_stem")))
        .extracting(r -> r.<String>getAs("rule_id"), r -> r.<String>getAs("authority_code"))
        .containsExactly(org.assertj.core.groups.Tuple.tuple("TFQR-F02", "E10000016"));

    try (EmbeddedQueries queries = new EmbeddedQueries(store, QueryEngineConfig.defaults())) {
      assertThat(rejections(queries, 1, LocalDate.of(2014, 3, 31), "E08000035")).isPositive();
      assertThat(rejections(queries, 2, LocalDate.of(2015, 6, 30), "E10000016")).isEqualTo(1);
    }
    var totals = result.report().totals();
    assertThat(totals.returnsRead()).isEqualTo(totals.returnsAccepted() + totals.returnsRejected());
  }

  private static long rejections(
      EmbeddedQueries queries, int phase, LocalDate period, String authority) {
    Map<String, Object> arguments = new HashMap<>();
    arguments.put("phase", phase);
    arguments.put("period", period);
    arguments.put("authority", authority);
    QueryResult quality = queries.run(SnapshotSelector.current(), Query.DATA_QUALITY, arguments);
    assertThat(quality.size()).isEqualTo(1);
    Number count = quality.value(0, "rejections", Number.class);
    return count == null ? 0 : count.longValue();
  }
}
