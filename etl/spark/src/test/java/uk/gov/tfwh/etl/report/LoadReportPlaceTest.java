package uk.gov.tfwh.etl.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import uk.gov.tfwh.etl.load.LoadRequest;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings;

/**
 * The summary a load prints lists the first 40 returns with rejections or warnings and sends the
 * reader to the whole report for the rest. On the Iceberg store (the default) it named {@code
 * load-report.json}, a file that exists only in the legacy folder store's snapshot folders: the
 * report is kept in the release's row of the catalog there.
 */
class LoadReportPlaceTest {
  private static final String ID = "20261207T115709481Z-709c7d11";
  private static final Path WAREHOUSE = Path.of("/tmp/wh");

  private static LoadRequest request() {
    return new LoadRequest(Path.of("/tmp/landing"), WAREHOUSE, Path.of("/tmp/reference"), 10);
  }

  @Test
  void onTheIcebergStoreTheSummarySendsTheReaderToTheReleaseRowNotToAFileThatDoesNotExist() {
    String place = request().into(CatalogSettings.embedded(WAREHOUSE)).reportPlace(ID);
    String summary = reportWithManyWarnings().summary(place);

    assertThat(place).contains(ID).contains("tfwh_release").contains("load_report_json");
    assertThat(summary).doesNotContain(LoadReport.FILE_NAME);
    assertThat(summary.lines().reduce((a, b) -> b).orElseThrow())
        .startsWith("    ... and 5 more; every return is in ")
        .endsWith(place);
  }

  @Test
  void onTheFolderStoreItIsTheSnapshotsLoadReportFile() {
    assertThat(request().reportPlace(ID))
        .isEqualTo(
            WAREHOUSE.resolve("snapshots").resolve(ID).resolve(LoadReport.FILE_NAME).toString());
  }

  private static LoadReport reportWithManyWarnings() {
    List<ReturnCounts> returns = new ArrayList<>();
    for (int i = 0; i < 45; i++) {
      returns.add(
          new ReturnCounts(
              "r" + i,
              "E06000001-2013Q" + (i % 4 + 1) + "-p1-" + i,
              List.of("E06000001-" + i + ".summary.csv"),
              "CSV",
              "CURRENT",
              false,
              "E06000001",
              1,
              null,
              0,
              0,
              0,
              1,
              0,
              List.of("TFQR-W04")));
    }
    return new LoadReport(
        ID,
        null,
        Instant.parse("2026-12-07T11:57:09Z"),
        "test",
        Totals.of(returns, 0),
        Map.of(),
        new TreeMap<>(),
        new TreeMap<>(),
        returns);
  }
}
