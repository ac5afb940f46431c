package uk.gov.tfwh.api.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.gov.tfwh.warehouse.testing.SnapshotFixture;

/** Files made by api/exports, served with their media type, name and the snapshot's validators. */
class ExportEndToEndTest extends ApiEndToEndTest {

  @ParameterizedTest
  @ValueSource(strings = {"csv", "xlsx", "ods"})
  void everyTableExportsInEveryFormat(String format) {
    for (String export :
        new String[] {
          "league-table." + format + "?phase=1&period=2013Q3",
          "regions." + format + "?phase=1&period=2013Q3",
          "payments." + format + "?phase=1",
          "progress." + format + "?phase=1&authority=" + SnapshotFixture.BIRMINGHAM
        }) {
      HttpResponse<byte[]> response = getBytes("/api/v1/exports/" + export);
      assertThat(response.statusCode())
          .as(export + ": " + new String(response.body(), StandardCharsets.UTF_8))
          .isEqualTo(200);
      String disposition = response.headers().firstValue("Content-Disposition").orElseThrow();
      assertThat(disposition)
          .startsWith("attachment")
          .contains(FixtureWarehouse.PUBLISHED)
          .contains("." + format);
      assertThat(response.headers().firstValue("ETag")).isPresent();
      byte[] body = response.body();
      if (format.equals("csv")) {
        assertThat(response.headers().firstValue("Content-Type"))
            .get()
            .asString()
            .startsWith("text/csv");
      } else {
        // XLSX and ODS are zip files.
        assertThat(new String(body, 0, 2, StandardCharsets.US_ASCII)).isEqualTo("PK");
      }
    }
  }

  @Test
  void theLeagueTableCsvExportHasEveryAuthority() {
    String csv =
        new String(
            getBytes("/api/v1/exports/league-table.csv?phase=1&period=2013Q3").body(),
            StandardCharsets.UTF_8);
    assertThat(csv).contains(SnapshotFixture.BIRMINGHAM).contains(SnapshotFixture.KENT);
  }

  @Test
  void theBriefingSummaryIsAWorkbookForThoseWhoMayReadBriefings() {
    HttpResponse<byte[]> response =
        getBytes(
            "/api/v1/exports/briefing-summary.xlsx?phase=1&period=2013Q3",
            bearer(FixtureWarehouse.NATIONAL_TOKEN));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assertThat(new String(response.body(), 0, 2, StandardCharsets.US_ASCII)).isEqualTo("PK");
    assertThat(response.headers().firstValue("Content-Disposition"))
        .get()
        .asString()
        .contains("briefing-summary")
        .contains("PRE-RELEASE");
  }

  @Test
  void theBriefingIsAPdfForThoseWhoMayReadBriefings() {
    HttpResponse<byte[]> response =
        getBytes(
            "/api/v1/exports/briefing.pdf?phase=1&period=2013Q3",
            bearer(FixtureWarehouse.NATIONAL_TOKEN));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(new String(response.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    assertThat(response.headers().firstValue("Content-Disposition"))
        .get()
        .asString()
        .contains(FixtureWarehouse.PRE_RELEASE)
        .contains("PRE-RELEASE");
  }

  @Test
  void badExportRequestsAreProblems() {
    problem("/api/v1/exports/everything.csv?phase=1", 400);
    problem("/api/v1/exports/league-table.docx?phase=1&period=2013Q3", 400);
    problem("/api/v1/exports/league-table.csv?phase=1", 400);
    problem("/api/v1/exports/progress.csv?phase=1", 400);
    problem("/api/v1/exports/league-table.csv?period=2013Q3", 400);
    problem("/api/v1/exports/time-series.csv?phase=3", 400);
    problem("/api/v1/exports/time-series.csv?period=2013Q3", 400);
  }

  /** Issue 19, item 12: the time series as a file, both phases unless one is asked for. */
  @Test
  void theTimeSeriesExportCoversBothPhasesWithoutAPhase() throws Exception {
    HttpResponse<byte[]> both = getBytes("/api/v1/exports/time-series.csv");
    assertThat(both.statusCode()).isEqualTo(200);
    assertThat(both.headers().firstValue("Content-Disposition").orElse(""))
        .contains("time-series-both-phases-");
    String csv = new String(both.body(), java.nio.charset.StandardCharsets.UTF_8);
    long rows = csv.lines().count() - 1;
    assertThat(rows).isEqualTo(json("/api/v1/time-series").path("rows").size());
    HttpResponse<byte[]> workbook = getBytes("/api/v1/exports/time-series.xlsx?phase=2");
    assertThat(workbook.statusCode()).isEqualTo(200);
    assertThat(workbook.headers().firstValue("Content-Disposition").orElse(""))
        .contains("time-series-phase2-");
  }
}
