package uk.gov.tfwh.api.returns;

import java.time.LocalDate;
import uk.gov.tfwh.api.table.RowShape;
import uk.gov.tfwh.api.table.Table;
import uk.gov.tfwh.api.table.Tabular;
import uk.gov.tfwh.warehouse.query.Query;
import uk.gov.tfwh.warehouse.query.Release;

/** Every accepted version of one authority's return for a quarter, oldest first. */
public record ReturnHistory(
    String authorityCode,
    String authorityName,
    int phase,
    LocalDate period,
    String quarterLabel,
    String currentReturnId,
    String snapshot,
    Release release,
    Table table)
    implements Tabular {
  /** The row of the table, column by column, as the OpenAPI document describes it. */
  public static final RowShape ROW =
      RowShape.picked(
          "ReturnVersion",
          RowShape.QUARTER,
          Query.RETURN_HISTORY,
          "return_id",
          "is_current",
          "submitted_at",
          "submitted_by",
          "sro_sign_off",
          "revision_note",
          "families_identified",
          "families_attached",
          "results_crime_asb_education",
          "results_continuous_employment",
          "results_progress_to_work",
          "results_sustained_progress",
          "turned_around",
          "submitted_authority_code",
          "source_stem",
          "source_format",
          "supersedes_return_id",
          "superseded_by_return_id",
          "loaded_snapshot_id");

  @Override
  public java.util.Map<String, Object> covers() {
    return Tabular.quarterOf(phase, period);
  }
}
