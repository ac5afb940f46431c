package uk.gov.tfwh.api.returns;

import java.util.List;
import org.springframework.stereotype.Component;
import uk.gov.tfwh.api.authority.Authorities;
import uk.gov.tfwh.api.problem.NotFoundException;
import uk.gov.tfwh.api.table.Table;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;
import uk.gov.tfwh.warehouse.query.PinnedSnapshot;
import uk.gov.tfwh.warehouse.query.Query;
import uk.gov.tfwh.warehouse.query.QueryArguments;
import uk.gov.tfwh.warehouse.query.QueryResult;
import uk.gov.tfwh.warehouse.query.ResultRow;
import uk.gov.tfwh.warehouse.query.WarehouseQueries;

/** An authority's return for a quarter, every version as submitted and which one stands. */
@Component
public class ReturnHistories {
  private final WarehouseQueries queries;
  private final Authorities authorities;

  public ReturnHistories(WarehouseQueries queries, Authorities authorities) {
    this.queries = queries;
    this.authorities = authorities;
  }

  public ReturnHistory history(PinnedSnapshot snapshot, String code, Phase phase, Quarter quarter) {
    QueryResult authority = authorities.require(snapshot, code);
    QueryResult versions = run(snapshot, code, phase, quarter);
    if (versions.isEmpty()) {
      throw new NotFoundException(
          code + " has no accepted return for phase " + phase.number() + ", " + quarter.label());
    }
    String current = null;
    for (ResultRow row : versions) {
      if (row.isTrue("is_current")) {
        current = row.text("return_id");
      }
    }
    return new ReturnHistory(
        code,
        authority.row(0).text("authority_name"),
        phase.number(),
        quarter.end(),
        quarter.label(),
        current,
        snapshot.id(),
        snapshot.release(),
        Table.from(versions, ReturnHistory.ROW.picks()));
  }

  /** Every version of the return, oldest first, for the pages: none when there is no return. */
  public List<ReturnVersion> versions(
      PinnedSnapshot snapshot, String code, Phase phase, Quarter quarter) {
    return ReturnVersion.of(run(snapshot, code, phase, quarter));
  }

  private QueryResult run(PinnedSnapshot snapshot, String code, Phase phase, Quarter quarter) {
    return queries.run(
        snapshot,
        QueryArguments.of(Query.RETURN_HISTORY).authority(code).phase(phase).quarter(quarter));
  }
}
