package uk.gov.tfwh.api.benchmark;

import java.util.ArrayList;
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
    QueryResult members = run(snapshot, code, phase, quarter, group);
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

  /**
   * The authority against a group, for the pages: no members and no summary when the snapshot has
   * no figures for it, where the API answers 404.
   */
  public BenchmarkGroup group(
      PinnedSnapshot snapshot, String code, Phase phase, Quarter quarter, ComparisonGroup group) {
    QueryResult rows = run(snapshot, code, phase, quarter, group);
    List<BenchmarkMember> members = new ArrayList<>();
    for (ResultRow row : rows) {
      members.add(
          new BenchmarkMember(
              row.text("authority_code"),
              row.text("authority_name"),
              row.isTrue("is_subject"),
              row.longValue("turned_around"),
              row.integer("target_families"),
              row.decimal("percent_of_target"),
              row.integer("group_rank")));
    }
    boolean hasSubject = members.stream().anyMatch(BenchmarkMember::subject);
    return new BenchmarkGroup(members, hasSubject ? BenchmarkSummary.of(rows) : null);
  }

  private QueryResult run(
      PinnedSnapshot snapshot, String code, Phase phase, Quarter quarter, ComparisonGroup group) {
    return queries.run(
        snapshot,
        QueryArguments.of(Query.BENCHMARK)
            .authority(code)
            .phase(phase)
            .quarter(quarter)
            .comparisonGroup(group.parameterValue()));
  }
}
