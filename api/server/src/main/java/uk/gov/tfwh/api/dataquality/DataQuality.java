package uk.gov.tfwh.api.dataquality;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import uk.gov.tfwh.api.table.RowShape;
import uk.gov.tfwh.api.table.Table;
import uk.gov.tfwh.api.table.Tabular;
import uk.gov.tfwh.warehouse.query.Query;
import uk.gov.tfwh.warehouse.query.Release;

/**
 * Submission status per authority for one quarter ({@code rows}, also the CSV), the count of
 * authorities in each status, and every rejection, warning and note behind the counts ({@code
 * findings}, JSON only).
 */
public record DataQuality(
    int phase,
    LocalDate period,
    String quarterLabel,
    String authority,
    String snapshot,
    Release release,
    Map<String, Long> statusCounts,
    Table table,
    List<Map<String, Object>> findings)
    implements Tabular {
  /** A finding of {@code findings}, column by column, as the OpenAPI document describes it. */
  public static final RowShape FINDINGS =
      RowShape.picked(
          "DataQualityFinding",
          RowShape.NONE,
          Query.DATA_QUALITY_FINDINGS,
          "authority_code",
          "rule_id",
          "severity",
          "message",
          "file",
          "sheet",
          "row_number",
          "column_name",
          "return_id",
          "finding_id");

  /** The row of the table, column by column, as the OpenAPI document describes it. */
  public static final RowShape ROW =
      RowShape.picked(
          "DataQualityRow",
          RowShape.QUARTER,
          Query.DATA_QUALITY,
          "authority_code",
          "authority_name",
          "region=region_name",
          "status",
          "late",
          "resubmitted",
          "versions",
          "first_submitted_at",
          "last_submitted_at",
          "current_return_id",
          "rejections",
          "warnings",
          "notes");

  @Override
  public java.util.Map<String, Object> covers() {
    return Tabular.quarterOf(phase, period);
  }
}
