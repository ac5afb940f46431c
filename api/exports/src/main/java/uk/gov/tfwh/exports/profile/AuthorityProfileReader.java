package uk.gov.tfwh.exports.profile;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.gov.tfwh.exports.NoFiguresException;
import uk.gov.tfwh.exports.profile.AuthorityProfile.Benchmark;
import uk.gov.tfwh.exports.profile.AuthorityProfile.Finding;
import uk.gov.tfwh.exports.profile.AuthorityProfile.Payments;
import uk.gov.tfwh.exports.profile.AuthorityProfile.Quality;
import uk.gov.tfwh.exports.profile.AuthorityProfile.QuarterLine;
import uk.gov.tfwh.exports.profile.AuthorityProfile.ReturnVersion;
import uk.gov.tfwh.exports.source.Provenance;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;
import uk.gov.tfwh.programme.projection.ProgressProjection;
import uk.gov.tfwh.programme.projection.Projection;
import uk.gov.tfwh.programme.projection.ReportedFigure;
import uk.gov.tfwh.warehouse.query.PinnedSnapshot;
import uk.gov.tfwh.warehouse.query.Query;
import uk.gov.tfwh.warehouse.query.QueryArguments;
import uk.gov.tfwh.warehouse.query.QueryResult;
import uk.gov.tfwh.warehouse.query.ResultRow;
import uk.gov.tfwh.warehouse.query.WarehouseQueries;
import uk.gov.tfwh.warehouse.query.benchmark.BenchmarkSummary;

/**
 * Reads authority profiles for one phase and quarter from pinned snapshots, through the query
 * catalogue. Made either for one profile ({@link #single}: each query asks about that authority
 * only) or for every authority of the quarter ({@link #everyAuthority}: the queries that cover
 * every authority at once, the authorities, league table, payments, data quality and its findings,
 * are read once and shared, and the region, type and England benchmarks are the league table's rows
 * grouped, so 152 profiles cost one progress, one neighbour benchmark and one return history query
 * each rather than ten). A test holds the two to the same profiles.
 */
public final class AuthorityProfileReader {
  /** The comparison groups in the order the profile shows them, with their labels. */
  static final Map<String, String> GROUPS = groups();

  private final WarehouseQueries queries;
  private final Provenance figures;
  private final PinnedSnapshot benchmarks;
  private final Phase phase;
  private final Quarter quarter;
  private final LocalDate period;
  private final boolean restrictedShown;
  private final boolean shared;
  private Map<String, List<Object>> authorities;
  private QueryResult league;
  private Map<String, List<Integer>> paymentRows;
  private QueryResult payments;
  private QueryResult quality;
  private Map<String, List<Integer>> findingRows;
  private QueryResult findings;

  private AuthorityProfileReader(
      WarehouseQueries queries,
      Provenance figures,
      PinnedSnapshot benchmarks,
      Phase phase,
      Quarter quarter,
      boolean restrictedShown,
      boolean shared) {
    this.queries = requireNonNull(queries, "queries");
    this.figures = requireNonNull(figures, "figures");
    this.benchmarks = requireNonNull(benchmarks, "benchmarks");
    this.phase = requireNonNull(phase, "phase");
    this.quarter = requireNonNull(quarter, "quarter");
    this.period = quarter.end();
    this.restrictedShown = restrictedShown;
    this.shared = shared;
  }

  /**
   * For one profile.
   *
   * @param figures the snapshot of the authority's own figures
   * @param benchmarks the snapshot the other authorities' figures (benchmarks) are read from
   * @param restrictedShown whether to show data quality and return versions
   */
  public static AuthorityProfileReader single(
      WarehouseQueries queries,
      Provenance figures,
      PinnedSnapshot benchmarks,
      Phase phase,
      Quarter quarter,
      boolean restrictedShown) {
    return new AuthorityProfileReader(
        queries, figures, benchmarks, phase, quarter, restrictedShown, false);
  }

  /** For every authority of a quarter from one snapshot, sharing what covers them all. */
  public static AuthorityProfileReader everyAuthority(
      WarehouseQueries queries,
      Provenance pinned,
      Phase phase,
      Quarter quarter,
      boolean restrictedShown) {
    return new AuthorityProfileReader(
        queries, pinned, pinned.snapshot(), phase, quarter, restrictedShown, true);
  }

  /** Every authority of the snapshot's reference set, code to name, in name order. */
  public Map<String, String> authorityNames() {
    allAuthorities();
    List<ResultRow> byName = new ArrayList<>();
    allAuthoritiesResult.forEach(byName::add);
    byName.sort(
        Comparator.comparing(
            (ResultRow row) -> row.text("authority_name"), String.CASE_INSENSITIVE_ORDER));
    Map<String, String> names = new LinkedHashMap<>();
    byName.forEach(row -> names.put(row.text("authority_code"), row.text("authority_name")));
    return names;
  }

  /**
   * One authority's profile.
   *
   * @throws NoFiguresException when there is no such authority in the snapshot
   */
  public AuthorityProfile read(String code) {
    requireNonNull(code, "code");
    QueryResult authority = authority(code);
    if (authority.isEmpty()) {
      throw new NoFiguresException("there is no authority " + code);
    }
    Integer target = authority.row(0).integer("phase" + phase.number() + "_target");
    String basis = authority.row(0).text("phase" + phase.number() + "_target_basis");
    Quarter asAt = Quarter.endingOn(period);

    QueryResult progress =
        queries.run(
            figures.snapshot(),
            QueryArguments.of(Query.AUTHORITY_PROGRESS).authority(code).phase(phase));
    List<QuarterLine> series = new ArrayList<>();
    QuarterLine latest = null;
    for (ResultRow row : progress) {
      LocalDate end = row.date("period_end");
      if (Quarter.endingOn(end).isAfter(asAt)) {
        continue;
      }
      QuarterLine line =
          new QuarterLine(
              end,
              row.text("quarter_label"),
              row.longValue("turned_around"),
              row.integer("target_families"),
              row.decimal("percent_of_target"),
              row.integer("national_rank"),
              row.integer("quartile"),
              row.longValue("change_in_turned_around"),
              row.decimal("change_in_percent_points"));
      series.add(line);
      if (end.equals(period)) {
        latest = line;
      }
    }
    Projection projection = null;
    if (!series.isEmpty() && target != null && target > 0) {
      List<ReportedFigure> reported = new ArrayList<>();
      for (QuarterLine line : series) {
        reported.add(new ReportedFigure(Quarter.endingOn(line.period()), line.turnedAround()));
      }
      projection = ProgressProjection.project(phase, target, reported);
    }

    List<Benchmark> groups = new ArrayList<>();
    List<AuthorityProfile.Neighbour> neighbours = new ArrayList<>();
    if (latest != null) {
      for (Map.Entry<String, String> group : GROUPS.entrySet()) {
        QueryResult members = benchmark(code, authority, group.getKey());
        if (members.column("is_subject").contains(Boolean.TRUE)) {
          groups.add(new Benchmark(group.getKey(), group.getValue(), BenchmarkSummary.of(members)));
          if (group.getKey().equals("neighbours")) {
            for (ResultRow row : members) {
              neighbours.add(
                  new AuthorityProfile.Neighbour(
                      row.integer("group_rank"),
                      row.text("authority_code"),
                      row.text("authority_name"),
                      row.isTrue("is_subject"),
                      row.longValue("turned_around"),
                      row.integer("target_families"),
                      row.decimal("percent_of_target")));
            }
          }
        }
      }
    }

    Quality dataQuality = null;
    List<Finding> found = List.of();
    List<ReturnVersion> versions = List.of();
    if (restrictedShown) {
      dataQuality = quality(code);
      found = findings(code);
      versions = returns(code);
    }
    return new AuthorityProfile(
        figures,
        benchmarks.id(),
        phase,
        period,
        asAt.label(),
        code,
        authority.row(0).text("authority_name"),
        authority.row(0).text("region_name"),
        authority.row(0).text("authority_type"),
        target,
        basis,
        latest,
        series,
        projection,
        groups,
        neighbours,
        payments(code),
        restrictedShown,
        dataQuality,
        found,
        versions);
  }

  private QueryResult authority(String code) {
    if (!shared) {
      return queries.run(figures.snapshot(), QueryArguments.of(Query.AUTHORITIES).authority(code));
    }
    List<Object> row = allAuthorities().get(code);
    QueryResult all = allAuthoritiesResult;
    return new QueryResult(all.columns(), row == null ? List.of() : List.of(row), all.snapshotId());
  }

  private QueryResult allAuthoritiesResult;

  private Map<String, List<Object>> allAuthorities() {
    if (authorities == null) {
      allAuthoritiesResult = queries.run(figures.snapshot(), QueryArguments.of(Query.AUTHORITIES));
      authorities = new LinkedHashMap<>();
      for (int i = 0; i < allAuthoritiesResult.size(); i++) {
        authorities.put(
            allAuthoritiesResult.row(i).text("authority_code"), allAuthoritiesResult.rows().get(i));
      }
    }
    return authorities;
  }

  private QueryResult benchmark(String code, QueryResult authority, String group) {
    if (!shared || group.equals("neighbours")) {
      return queries.run(
          benchmarks,
          QueryArguments.of(Query.BENCHMARK)
              .authority(code)
              .phase(phase)
              .quarter(quarter)
              .comparisonGroup(group));
    }
    return fromLeagueTable(
        code, group, authority.row(0).text("region_code"), authority.row(0).text("authority_type"));
  }

  /**
   * What {@code benchmark.sql} gives for the region, type and England groups, from the league
   * table's rows of the same quarter (both read {@code agg_authority_quarter}): the members, in the
   * national order, with the competition rank over the national rank within the group.
   */
  private QueryResult fromLeagueTable(String code, String group, String region, String type) {
    if (league == null) {
      league =
          queries.run(
              benchmarks, QueryArguments.of(Query.LEAGUE_TABLE).phase(phase).quarter(quarter));
    }
    List<Integer> members = new ArrayList<>();
    for (int i = 0; i < league.size(); i++) {
      boolean member =
          switch (group) {
            case "region" -> region != null && region.equals(league.row(i).text("region_code"));
            case "type" -> type != null && type.equals(league.row(i).text("authority_type"));
            default -> true;
          };
      if (member || code.equals(league.row(i).text("authority_code"))) {
        members.add(i);
      }
    }
    List<List<Object>> rows = new ArrayList<>();
    for (int i : members) {
      int nationalRank = league.row(i).integer("national_rank");
      int groupRank = 1;
      for (int j : members) {
        if (league.row(j).integer("national_rank") < nationalRank) {
          groupRank++;
        }
      }
      List<Object> row = new ArrayList<>();
      row.add(league.row(i).text("authority_code"));
      row.add(league.row(i).text("authority_name"));
      row.add(league.row(i).text("region_name"));
      row.add(league.row(i).text("authority_type"));
      row.add(code.equals(league.row(i).text("authority_code")));
      row.add(null);
      row.add(league.row(i).longValue("turned_around"));
      row.add(league.row(i).integer("target_families"));
      row.add(league.row(i).decimal("percent_of_target"));
      row.add(nationalRank);
      row.add(groupRank);
      row.add(members.size());
      rows.add(row);
    }
    return new QueryResult(Query.BENCHMARK.columns(), rows, league.snapshotId());
  }

  private Payments payments(String code) {
    QueryResult result;
    List<Integer> rows;
    if (shared) {
      if (payments == null) {
        payments = queries.run(figures.snapshot(), QueryArguments.of(Query.PAYMENTS).phase(phase));
        paymentRows = byAuthority(payments);
      }
      result = payments;
      rows = paymentRows.getOrDefault(code, List.of());
    } else {
      result =
          queries.run(
              figures.snapshot(), QueryArguments.of(Query.PAYMENTS).phase(phase).authority(code));
      rows = allRows(result);
    }
    Integer last = null;
    for (int i : rows) {
      if (!result.row(i).date("period_end").isAfter(period)) {
        last = i;
      }
    }
    if (last == null) {
      return null;
    }
    LocalDate end = result.row(last).date("period_end");
    BigDecimal cap = result.row(last).decimal("cap_gbp");
    BigDecimal toDate = result.row(last).decimal("cumulative_gbp");
    return new Payments(
        end,
        end.equals(period) ? result.row(last).decimal("total_gbp") : BigDecimal.ZERO,
        toDate,
        cap,
        result.row(last).decimal("remaining_cap_gbp"),
        cap != null && toDate.compareTo(cap) >= 0);
  }

  private Quality quality(String code) {
    QueryResult result;
    int row = -1;
    if (shared) {
      if (quality == null) {
        quality =
            queries.run(
                figures.snapshot(),
                QueryArguments.of(Query.DATA_QUALITY).phase(phase).quarter(quarter));
      }
      result = quality;
      for (int i = 0; i < result.size(); i++) {
        if (code.equals(result.row(i).text("authority_code"))) {
          row = i;
        }
      }
    } else {
      result =
          queries.run(
              figures.snapshot(),
              QueryArguments.of(Query.DATA_QUALITY).phase(phase).quarter(quarter).authority(code));
      row = result.isEmpty() ? -1 : 0;
    }
    if (row < 0) {
      return null;
    }
    return new Quality(
        result.row(row).text("status"),
        result.row(row).isTrue("late"),
        result.row(row).isTrue("resubmitted"),
        orZero(result.row(row).longValue("versions")),
        orZero(result.row(row).longValue("rejections")),
        orZero(result.row(row).longValue("warnings")),
        orZero(result.row(row).longValue("notes")));
  }

  private List<Finding> findings(String code) {
    QueryResult result;
    List<Integer> rows;
    if (shared) {
      if (findings == null) {
        findings =
            queries.run(
                figures.snapshot(),
                QueryArguments.of(Query.DATA_QUALITY_FINDINGS).phase(phase).quarter(quarter));
        findingRows = byAuthority(findings);
      }
      result = findings;
      rows = findingRows.getOrDefault(code, List.of());
    } else {
      result =
          queries.run(
              figures.snapshot(),
              QueryArguments.of(Query.DATA_QUALITY_FINDINGS)
                  .phase(phase)
                  .quarter(quarter)
                  .authority(code));
      rows = allRows(result);
    }
    List<Finding> list = new ArrayList<>();
    for (int i : rows) {
      list.add(
          new Finding(
              result.row(i).text("rule_id"),
              result.row(i).text("severity"),
              where(result, i),
              result.row(i).text("message")));
    }
    return list;
  }

  private static String where(QueryResult result, int i) {
    StringBuilder where = new StringBuilder();
    String file = result.row(i).text("file");
    if (file != null) {
      where.append(file);
    }
    Integer row = result.row(i).integer("row_number");
    if (row != null) {
      where.append(where.isEmpty() ? "" : ", ").append("row ").append(row);
    }
    String column = result.row(i).text("column_name");
    if (column != null) {
      where.append(where.isEmpty() ? "" : ", ").append(column);
    }
    return where.toString();
  }

  private List<ReturnVersion> returns(String code) {
    QueryResult result =
        queries.run(
            figures.snapshot(),
            QueryArguments.of(Query.RETURN_HISTORY).authority(code).phase(phase).quarter(quarter));
    List<ReturnVersion> versions = new ArrayList<>();
    for (ResultRow row : result) {
      versions.add(
          new ReturnVersion(
              row.text("return_id"),
              row.instant("submitted_at"),
              row.text("submitted_by"),
              orZero(row.longValue("turned_around")),
              row.isTrue("is_current"),
              row.text("revision_note")));
    }
    return versions;
  }

  private static Map<String, List<Integer>> byAuthority(QueryResult result) {
    Map<String, List<Integer>> rows = new HashMap<>();
    for (int i = 0; i < result.size(); i++) {
      String code = result.row(i).text("authority_code");
      if (code != null) {
        rows.computeIfAbsent(code, c -> new ArrayList<>()).add(i);
      }
    }
    return rows;
  }

  private static List<Integer> allRows(QueryResult result) {
    List<Integer> rows = new ArrayList<>();
    for (int i = 0; i < result.size(); i++) {
      rows.add(i);
    }
    return rows;
  }

  private static long orZero(Long value) {
    return value == null ? 0 : value;
  }

  private static Map<String, String> groups() {
    Map<String, String> groups = new LinkedHashMap<>();
    groups.put("neighbours", "Statistical neighbours");
    groups.put("region", "Region");
    groups.put("type", "Authority type");
    groups.put("england", "England");
    return java.util.Collections.unmodifiableMap(groups);
  }
}
