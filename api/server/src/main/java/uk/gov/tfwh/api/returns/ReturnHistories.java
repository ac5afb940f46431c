package uk.gov.tfwh.api.returns;

import org.springframework.stereotype.Component;
import uk.gov.tfwh.api.authority.Authorities;
import uk.gov.tfwh.api.problem.NotFoundException;
import uk.gov.tfwh.api.query.Arguments;
import uk.gov.tfwh.api.release.Snapshot;
import uk.gov.tfwh.api.table.RowShape;
import uk.gov.tfwh.api.table.Table;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;
import uk.gov.tfwh.warehouse.query.Query;
import uk.gov.tfwh.warehouse.query.QueryResult;
import uk.gov.tfwh.warehouse.query.WarehouseQueries;

/** An authority's return for a quarter, every version as submitted and which one stands. */
@Component
public class ReturnHistories {
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

  private final WarehouseQueries queries;
  private final Authorities authorities;

  public ReturnHistories(WarehouseQueries queries, Authorities authorities) {
    this.queries = queries;
    this.authorities = authorities;
  }

  public ReturnHistory history(Snapshot snapshot, String code, Phase phase, Quarter quarter) {
    QueryResult authority = authorities.require(snapshot, code);
    QueryResult versions =
        queries.run(
            snapshot.selector(),
            Query.RETURN_HISTORY,
            Arguments.of("authority", code, "phase", phase.number(), "period", quarter.end()));
    if (versions.isEmpty()) {
      throw new NotFoundException(
          code + " has no accepted return for phase " + phase.number() + ", " + quarter.label());
    }
    String current = null;
    for (int i = 0; i < versions.size(); i++) {
      if (Boolean.TRUE.equals(versions.value(i, "is_current", Boolean.class))) {
        current = versions.value(i, "return_id", String.class);
      }
    }
    return new ReturnHistory(
        code,
        authority.value(0, "authority_name", String.class),
        phase.number(),
        quarter.end(),
        quarter.label(),
        current,
        snapshot.id(),
        snapshot.release(),
        Table.from(versions, ROW.picks()));
  }
}
