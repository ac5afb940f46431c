package uk.gov.tfwh.etl.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.etl.SharedSpark;
import uk.gov.tfwh.etl.Snapshots;
import uk.gov.tfwh.etl.TestLandings;
import uk.gov.tfwh.etl.report.LoadReport;
import uk.gov.tfwh.etl.report.ReturnCounts;
import uk.gov.tfwh.etl.table.TableSchemas;
import uk.gov.tfwh.warehouse.snapshot.SnapshotStore;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/** The contract's examples folder loads with exactly the outcomes EXPECTED.md gives. */
class ContractExamplesLoadTest {
  @TempDir static Path temp;
  static SnapshotStore store;
  static LoadResult result;
  static Map<String, ReturnCounts> byFile;

  @BeforeAll
  static void load() {
    Path landing = TestLandings.copyExamples(temp.resolve("landing"));
    TestLandings.write(landing.resolve("notes.txt"), "not a return\n");
    store = new SnapshotStore(temp.resolve("warehouse"));
    List<String> progress = new ArrayList<>();
    result =
        new LoadJob(SharedSpark.session(), progress::add)
            .run(new LoadRequest(landing, store.root(), TestLandings.reference(), 10));
    byFile =
        result.report().returns().stream()
            .collect(Collectors.toMap(r -> r.files().get(0), Function.identity()));
    assertThat(progress).anyMatch(line -> line.contains("read:"));
  }

  @Test
  void everyReturnAndClaimRowIsAccountedFor() {
    var totals = result.report().totals();
    assertThat(totals.returnsRead()).isEqualTo(15);
    assertThat(totals.returnsAccepted() + totals.returnsRejected()).isEqualTo(totals.returnsRead());
    assertThat(totals.returnsAccepted()).isEqualTo(6);
    assertThat(totals.claimRowsRead())
        .isEqualTo(totals.claimRowsAccepted() + totals.claimRowsRejected());
    assertThat(totals.claimRowsAccepted()).isEqualTo(5 + 3 + 1);
    assertThat(totals.claimRowsRejected()).isEqualTo(7);
    assertThat(totals.filesNotPartOfAReturn()).isEqualTo(1);
    assertThat(result.report().tableRows())
        .containsEntry("fact_claim", 9L)
        .containsEntry("fact_return", 6L)
        .containsEntry("dim_authority", 152L);
    Snapshots.assertManifestMatchesParquet(store, result.snapshotId());
  }

  @Test
  void validReturnsAreAcceptedWithTheirFigures() {
    assertThat(byFile.get("valid-p1-birmingham-2013Q3.summary.csv").status()).isEqualTo("CURRENT");
    Row birmingham =
        Snapshots.rows(
                store,
                result.snapshotId(),
                WarehouseTable.AGG_AUTHORITY_QUARTER,
                "authority_code = 'E08000025'")
            .get(0);
    assertThat(birmingham.<Long>getAs("turned_around")).isEqualTo(738L);
    assertThat(birmingham.<Integer>getAs("target_families")).isEqualTo(4180);
    assertThat(birmingham.<BigDecimal>getAs("percent_of_target")).isEqualByComparingTo("17.7");
    assertThat(birmingham.<LocalDate>getAs("period_end")).isEqualTo(LocalDate.of(2013, 9, 30));

    ReturnCounts kent = byFile.get("valid-p2-kent-2015Q2.summary.csv");
    assertThat(kent.claimRowsAccepted()).isEqualTo(5);
    assertThat(kent.warnings()).isZero();
    ReturnCounts bristol = byFile.get("valid-p2-bristol-2015Q2.xlsx");
    assertThat(bristol.status()).isEqualTo("CURRENT");
    assertThat(bristol.claimRowsAccepted()).isEqualTo(3);
    assertThat(byFile.get("hostile-text-2013Q3.summary.csv").status()).isEqualTo("CURRENT");
  }

  @Test
  void formerCodeIsLoadedUnderTheCurrentOneWithANote() {
    ReturnCounts gateshead = byFile.get("valid-p1-gateshead-former-code-2012Q4.summary.csv");
    assertThat(gateshead.authorityCode()).isEqualTo("E08000037");
    assertThat(gateshead.rules()).containsExactly("TFQR-N01");
    Row row =
        Snapshots.rows(
                store,
                result.snapshotId(),
                WarehouseTable.FACT_RETURN,
                "authority_code = 'E08000037'")
            .get(0);
    assertThat(row.<String>getAs("submitted_authority_code")).isEqualTo("E08000020");
    assertThat(row.<Boolean>getAs("is_current")).isTrue();
  }

  @Test
  void brokenReturnsAreRejectedWithTheirRules() {
    Map<String, List<String>> expected =
        Map.of(
            "bad-unknown-authority.summary.csv", List.of("TFQR-S06"),
            "bad-period-not-quarter-end.summary.csv", List.of("TFQR-S07"),
            "bad-phase-period-mismatch.summary.csv", List.of("TFQR-S08"),
            "bad-arithmetic.summary.csv", List.of("TFQR-S09", "TFQR-S10"),
            "bad-template-and-column.summary.csv", List.of("TFQR-S01", "TFQR-S02"),
            "bad-two-summary-rows.summary.csv", List.of("TFQR-S04"),
            "bad-not-a-number.summary.csv", List.of("TFQR-S05"),
            "bad-not-utf8.summary.csv", List.of("TFQR-F01"),
            "bad-not-a-workbook.xlsx", List.of("TFQR-F02"));
    expected.forEach(
        (file, rules) -> {
          assertThat(byFile.get(file).status()).as(file).isEqualTo("REJECTED");
          assertThat(byFile.get(file).rules()).as(file).containsExactlyElementsOf(rules);
        });
    List<Row> notANumber =
        Snapshots.rows(
            store,
            result.snapshotId(),
            WarehouseTable.FACT_FINDING,
            "file = 'bad-not-a-number.summary.csv'");
    assertThat(notANumber).hasSize(3);
    assertThat(notANumber)
        .allSatisfy(
            f -> {
              assertThat(f.<String>getAs("severity")).isEqualTo("RETURN_REJECTED");
              assertThat(f.<String>getAs("sheet")).isEqualTo("summary");
              assertThat(f.<Integer>getAs("row_number")).isEqualTo(2);
              assertThat(f.<String>getAs("column_name")).isNotBlank();
              assertThat(f.<String>getAs("return_id")).isNull();
            });
    assertThat(
            Snapshots.rows(
                store, result.snapshotId(), WarehouseTable.FACT_FINDING, "file = 'notes.txt'"))
        .singleElement()
        .satisfies(f -> assertThat(f.<String>getAs("rule_id")).isEqualTo("TFQR-F04"));
  }

  @Test
  void leedsClaimRowsAreRejectedOneByOneAndTheSummaryWarns() {
    ReturnCounts leeds = byFile.get("bad-claims-leeds-2016Q1.summary.csv");
    assertThat(leeds.status()).isEqualTo("CURRENT");
    assertThat(leeds.claimRowsRead()).isEqualTo(8);
    assertThat(leeds.claimRowsAccepted()).isEqualTo(1);
    assertThat(leeds.warnings()).isEqualTo(1);
    Map<Integer, String> ruleByRow =
        Snapshots.rows(
                store,
                result.snapshotId(),
                WarehouseTable.FACT_FINDING,
                "file = 'bad-claims-leeds-2016Q1.claims.csv' and severity = 'ROW_REJECTED'")
            .stream()
            .collect(
                Collectors.toMap(f -> f.<Integer>getAs("row_number"), f -> f.getAs("rule_id")));
    assertThat(ruleByRow)
        .containsEntry(3, "TFQR-C01")
        .containsEntry(4, "TFQR-C02")
        .containsEntry(5, "TFQR-C03")
        .containsEntry(6, "TFQR-C06")
        .containsEntry(7, "TFQR-C07")
        .containsEntry(8, "TFQR-C04")
        .containsEntry(9, "TFQR-C05")
        .hasSize(7);
    assertThat(
            Snapshots.rows(
                store,
                result.snapshotId(),
                WarehouseTable.FACT_CLAIM,
                "return_id = '" + leeds.returnId() + "'"))
        .singleElement()
        .satisfies(c -> assertThat(c.<Integer>getAs("row_number")).isEqualTo(2));
    assertThat(leeds.rules()).contains("TFQR-W01");
  }

  @Test
  void everyTableHasExactlyTheContractsColumnsAndTypes() {
    for (WarehouseTable table : WarehouseTable.values()) {
      StructField[] expected = TableSchemas.of(table).fields();
      StructField[] actual = Snapshots.table(store, result.snapshotId(), table).schema().fields();
      assertThat(actual).as(table.tableName()).hasSameSizeAs(expected);
      for (int i = 0; i < expected.length; i++) {
        assertThat(actual[i].name()).as(table.tableName()).isEqualTo(expected[i].name());
        assertThat(actual[i].dataType()).as(actual[i].name()).isEqualTo(expected[i].dataType());
      }
    }
    assertThat(store.snapshotDir(result.snapshotId()).resolve("tables/fact_claim"))
        .isDirectoryContaining(p -> p.getFileName().toString().startsWith("period_end="));
  }

  @Test
  void paymentsFollowThePaymentRules() {
    Row kent =
        Snapshots.rows(
                store,
                result.snapshotId(),
                WarehouseTable.FACT_PAYMENT,
                "authority_code = 'E10000016'")
            .get(0);
    // Phase 2: GBP 800 for each of the 5 accepted successful-outcome claims.
    BigDecimal results =
        kent.<BigDecimal>getAs("results_sustained_progress_gbp")
            .add(kent.getAs("results_continuous_employment_gbp"));
    assertThat(results).isEqualByComparingTo("4000.00");
    assertThat(kent.<BigDecimal>getAs("total_gbp"))
        .isEqualByComparingTo(results.add(kent.getAs("attachment_fee_gbp")));
  }

  @Test
  void theReportIsWrittenInTheSnapshot() {
    LoadReport written =
        LoadReport.readJson(store.snapshotDir(result.snapshotId()).resolve(LoadReport.FILE_NAME));
    assertThat(written.totals()).isEqualTo(result.report().totals());
    assertThat(written.stageMillis()).containsKeys("read", "national claims", "write", "total");
    assertThat(result.report().summary(LoadReport.FILE_NAME))
        .contains("claim rows  read 16 = accepted 9 + rejected 7");
  }
}
