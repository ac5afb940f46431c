package uk.gov.tfwh.api.period;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import uk.gov.tfwh.api.table.Table;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.warehouse.query.PinnedSnapshot;
import uk.gov.tfwh.warehouse.query.Query;
import uk.gov.tfwh.warehouse.query.QueryArguments;
import uk.gov.tfwh.warehouse.query.QueryResult;
import uk.gov.tfwh.warehouse.query.ResultRow;
import uk.gov.tfwh.warehouse.query.WarehouseQueries;

/**
 * The quarters of the phases that a snapshot holds, with how many authorities reported in each:
 * every authority, or only the one whose figures decide what a viewer is offered ({@link
 * uk.gov.tfwh.api.access.AccessPolicy#quartersOf}), when its count is 1 or 0.
 */
@Component
public class Periods {
  private final WarehouseQueries queries;

  public Periods(WarehouseQueries queries) {
    this.queries = requireNonNull(queries, "queries");
  }

  /**
   * Every quarter of both phases in the snapshot, in the query's order, for the pages.
   *
   * @param authority the one authority whose figures count, or empty for every authority's
   */
  public List<SnapshotQuarter> quarters(PinnedSnapshot snapshot, Optional<String> authority) {
    List<SnapshotQuarter> quarters = new ArrayList<>();
    for (ResultRow row : run(snapshot, null, authority)) {
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
  PeriodList list(PinnedSnapshot snapshot, Phase phase, Optional<String> authority) {
    return new PeriodList(
        snapshot.id(),
        snapshot.release(),
        Table.from(run(snapshot, phase, authority), PeriodList.ROW.picks()));
  }

  /**
   * The periods query, with {@code authorities_reporting} counting the one authority only when one
   * is given: 1 where it has figures (a row of {@code agg_authority_quarter}, as the query counts
   * them), 0 elsewhere.
   */
  private QueryResult run(PinnedSnapshot snapshot, Phase phase, Optional<String> authority) {
    QueryResult all = queries.run(snapshot, QueryArguments.of(Query.PERIODS).phase(phase));
    if (authority.isEmpty()) {
      return all;
    }
    Set<String> reported = new HashSet<>();
    for (Phase each : Phase.values()) {
      if (phase == null || phase == each) {
        QueryArguments series =
            QueryArguments.of(Query.AUTHORITY_PROGRESS).authority(authority.get()).phase(each);
        for (ResultRow row : queries.run(snapshot, series)) {
          reported.add(key(each.number(), row.date("period_end")));
        }
      }
    }
    int count = all.columnIndex("authorities_reporting");
    List<List<Object>> rows = new ArrayList<>(all.size());
    for (int i = 0; i < all.size(); i++) {
      List<Object> row = new ArrayList<>(all.rows().get(i));
      ResultRow quarter = all.row(i);
      row.set(
          count,
          reported.contains(key(quarter.integer("phase"), quarter.date("period_end"))) ? 1L : 0L);
      rows.add(row);
    }
    return new QueryResult(all.columns(), rows, all.snapshotId());
  }

  private static String key(int phase, LocalDate end) {
    return phase + "/" + end;
  }
}
