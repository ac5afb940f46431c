package uk.gov.tfwh.api.period;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import uk.gov.tfwh.api.table.Table;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.warehouse.query.PinnedSnapshot;
import uk.gov.tfwh.warehouse.query.Query;
import uk.gov.tfwh.warehouse.query.QueryArguments;
import uk.gov.tfwh.warehouse.query.ResultRow;
import uk.gov.tfwh.warehouse.query.WarehouseQueries;

/** The quarters of the phases that a snapshot holds, with how many authorities reported in each. */
@Component
public class Periods {
  private final WarehouseQueries queries;

  public Periods(WarehouseQueries queries) {
    this.queries = requireNonNull(queries, "queries");
  }

  /** Every quarter of both phases in the snapshot, in the query's order, for the pages. */
  public List<SnapshotQuarter> quarters(PinnedSnapshot snapshot) {
    List<SnapshotQuarter> quarters = new ArrayList<>();
    for (ResultRow row : queries.run(snapshot, QueryArguments.of(Query.PERIODS))) {
      quarters.add(
          new SnapshotQuarter(
              row.integer("phase"),
              row.date("period_end"),
              row.text("quarter_label"),
              row.text("financial_year"),
              row.longValue("authorities_reporting")));
    }
    return quarters;
  }

  /** Every quarter of {@code phase}, or of both phases when it is null, as the API lists them. */
  PeriodList list(PinnedSnapshot snapshot, Phase phase) {
    return new PeriodList(
        snapshot.id(),
        snapshot.release(),
        Table.from(
            queries.run(snapshot, QueryArguments.of(Query.PERIODS).phase(phase)),
            PeriodList.ROW.picks()));
  }
}
