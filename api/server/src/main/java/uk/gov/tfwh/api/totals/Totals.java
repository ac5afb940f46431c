package uk.gov.tfwh.api.totals;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import uk.gov.tfwh.api.problem.NotFoundException;
import uk.gov.tfwh.api.table.Table;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;
import uk.gov.tfwh.warehouse.query.PinnedSnapshot;
import uk.gov.tfwh.warehouse.query.Query;
import uk.gov.tfwh.warehouse.query.QueryArguments;
import uk.gov.tfwh.warehouse.query.QueryResult;
import uk.gov.tfwh.warehouse.query.WarehouseQueries;

/**
 * England's and each region's totals for a phase and quarter: the one place that runs {@code
 * national_totals.sql} and {@code region_totals.sql} and reads their rows, for the API's responses
 * and the national page.
 */
@Component
public class Totals {
  private final WarehouseQueries queries;

  public Totals(WarehouseQueries queries) {
    this.queries = requireNonNull(queries, "queries");
  }

  /** England's line, whether or not any authority has reported. */
  public TotalsLine england(PinnedSnapshot snapshot, Phase phase, Quarter quarter) {
    return TotalsLine.england(run(snapshot, Query.NATIONAL_TOTALS, phase, quarter).row(0));
  }

  /** Each region's line, in the query's order. */
  public List<TotalsLine> regions(PinnedSnapshot snapshot, Phase phase, Quarter quarter) {
    List<TotalsLine> lines = new ArrayList<>();
    run(snapshot, Query.REGION_TOTALS, phase, quarter)
        .forEach(row -> lines.add(TotalsLine.region(row)));
    return lines;
  }

  /**
   * England's totals as the API serves them.
   *
   * @throws NotFoundException when no authority has figures for the quarter
   */
  NationalTotals national(PinnedSnapshot snapshot, Phase phase, Quarter quarter) {
    QueryResult result = run(snapshot, Query.NATIONAL_TOTALS, phase, quarter);
    TotalsLine england = TotalsLine.england(result.row(0));
    if (england.authoritiesReporting() == 0) {
      throw new NotFoundException(
          "no authority has figures for phase " + phase.number() + ", " + quarter.label());
    }
    return new NationalTotals(
        phase.number(),
        quarter.end(),
        quarter.label(),
        snapshot.id(),
        snapshot.release(),
        england.authoritiesReporting(),
        england.authoritiesTotal(),
        england.familiesIdentified(),
        england.familiesAttached(),
        england.turnedAround(),
        england.target(),
        england.percentOfTarget(),
        Table.from(result, NationalTotals.ROW.picks()));
  }

  /**
   * Each region's totals as the API serves them.
   *
   * @throws NotFoundException when no authority has figures for the quarter
   */
  RegionTotals regionTotals(PinnedSnapshot snapshot, Phase phase, Quarter quarter) {
    national(snapshot, phase, quarter); // a quarter with no figures is a 404 here too
    return new RegionTotals(
        phase.number(),
        quarter.end(),
        quarter.label(),
        snapshot.id(),
        snapshot.release(),
        Table.from(run(snapshot, Query.REGION_TOTALS, phase, quarter), RegionTotals.ROW.picks()));
  }

  private QueryResult run(PinnedSnapshot snapshot, Query query, Phase phase, Quarter quarter) {
    return queries.run(snapshot, QueryArguments.of(query).phase(phase).quarter(quarter));
  }
}
