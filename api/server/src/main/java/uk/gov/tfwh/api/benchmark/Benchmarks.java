package uk.gov.tfwh.api.benchmark;

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
import uk.gov.tfwh.warehouse.query.WarehouseQueries;
import uk.gov.tfwh.warehouse.query.benchmark.BenchmarkSummary;

/**
 * Benchmarks from the catalogue's benchmark query; the median and quartiles are the warehouse's
 * {@link BenchmarkSummary} (type-7 quantiles), so the API, exports and dashboards agree.
 */
@Component
public class Benchmarks {
  private final WarehouseQueries queries;
  private final Authorities authorities;

  public Benchmarks(WarehouseQueries queries, Authorities authorities) {
    this.queries = queries;
    this.authorities = authorities;
  }

  public Benchmark benchmark(
      PinnedSnapshot snapshot, String code, Phase phase, Quarter quarter, ComparisonGroup group) {
    QueryResult authority = authorities.require(snapshot, code);
    QueryResult members =
        queries.run(
            snapshot,
            QueryArguments.of(Query.BENCHMARK)
                .authority(code)
                .phase(phase)
                .quarter(quarter)
                .comparisonGroup(group.parameterValue()));
    if (members.column("is_subject").stream().noneMatch(Boolean.TRUE::equals)) {
      throw new NotFoundException(
          code + " has no figures for phase " + phase.number() + ", " + quarter.label());
    }
    BenchmarkSummary summary = BenchmarkSummary.of(members);
    int subject = members.column("is_subject").indexOf(Boolean.TRUE);
    return new Benchmark(
        code,
        authority.row(0).text("authority_name"),
        phase.number(),
        quarter.end(),
        quarter.label(),
        group.parameterValue(),
        snapshot.id(),
        snapshot.release(),
        summary.turnedAround(),
        members.row(subject).integer("target_families"),
        summary.percentOfTarget(),
        summary.groupRank(),
        summary.groupSize(),
        summary.lowerQuartile(),
        summary.median(),
        summary.upperQuartile(),
        Table.from(members, Benchmark.ROW.picks()));
  }
}
