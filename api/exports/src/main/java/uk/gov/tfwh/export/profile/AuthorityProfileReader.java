package uk.gov.tfwh.export.profile;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.gov.tfwh.export.NoFiguresException;
import uk.gov.tfwh.export.profile.AuthorityProfile.Benchmark;
import uk.gov.tfwh.export.profile.AuthorityProfile.Finding;
import uk.gov.tfwh.export.profile.AuthorityProfile.Payments;
import uk.gov.tfwh.export.profile.AuthorityProfile.Quality;
import uk.gov.tfwh.export.profile.AuthorityProfile.QuarterLine;
import uk.gov.tfwh.export.profile.AuthorityProfile.ReturnVersion;
import uk.gov.tfwh.export.source.Provenance;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;
import uk.gov.tfwh.programme.projection.ProgressProjection;
import uk.gov.tfwh.programme.projection.Projection;
import uk.gov.tfwh.programme.projection.ReportedFigure;
import uk.gov.tfwh.warehouse.query.PinnedSnapshot;
import uk.gov.tfwh.warehouse.query.Query;
import uk.gov.tfwh.warehouse.query.QueryResult;
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
    this.period = requireNonNull(quarter, "quarter").end();
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
    Map<String, String> names = new LinkedHashMap<>();
    allAuthorities().entrySet().stream()
        .sorted(
            (a, b) ->
                ((String) a.getValue().get(1)).compareToIgnoreCase((String) b.getValue().get(1)))
        .forEach(e -> names.put(e.getKey(), (String) e.getValue().get(1)));
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
    Integer target = authority.value(0, "phase" + phase.number() + "_target", Integer.class);
    String basis = authority.value(0, "phase" + phase.number() + "_target_basis", String.class);
    Quarter asAt = Quarter.endingOn(period);

    QueryResult progress =
        queries.run(
            figures.snapshot(),
            Query.AUTHORITY_PROGRESS,
            Map.of("authority", code, "phase", phase.number()));
    List<QuarterLine> series = new ArrayList<>();
    QuarterLine latest = null;
    for (int i = 0; i < progress.size(); i++) {
      LocalDate end = progress.value(i, "period_end", LocalDate.class);
      if (Quarter.endingOn(end).isAfter(asAt)) {
        continue;
      }
      QuarterLine line =
          new QuarterLine(
              end,
              progress.value(i, "quarter_label", String.class),
              progress.value(i, "turned_around", Long.class),
              progress.value(i, "target_families", Integer.class),
              progress.value(i, "percent_of_target", BigDecimal.class),
              progress.value(i, "national_rank", Integer.class),
              progress.value(i, "quartile", Integer.class),
              progress.value(i, "change_in_turned_around", Long.class),
              progress.value(i, "change_in_percent_points", BigDecimal.class));
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
            for (int r = 0; r < members.size(); r++) {
              neighbours.add(
                  new AuthorityProfile.Neighbour(
                      members.value(r, "group_rank", Integer.class),
                      members.value(r, "authority_code", String.class),
                      members.value(r, "authority_name", String.class),
                      Boolean.TRUE.equals(members.value(r, "is_subject", Boolean.class)),
                      members.value(r, "turned_around", Long.class),
                      members.value(r, "target_families", Integer.class),
                      members.value(r, "percent_of_target", BigDecimal.class)));
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
        authority.value(0, "authority_name", String.class),
        authority.value(0, "region_name", String.class),
        authority.value(0, "authority_type", String.class),
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
      return queries.run(figures.snapshot(), Query.AUTHORITIES, Map.of("authority", code));
    }
    List<Object> row = allAuthorities().get(code);
    QueryResult all = allAuthoritiesResult;
    return new QueryResult(all.columns(), row == null ? List.of() : List.of(row), all.snapshotId());
  }

  private QueryResult allAuthoritiesResult;

  private Map<String, List<Object>> allAuthorities() {
    if (authorities == null) {
      allAuthoritiesResult = queries.run(figures.snapshot(), Query.AUTHORITIES, Map.of());
      authorities = new LinkedHashMap<>();
      for (int i = 0; i < allAuthoritiesResult.size(); i++) {
        authorities.put(
            allAuthoritiesResult.value(i, "authority_code", String.class),
            allAuthoritiesResult.rows().get(i));
      }
    }
    return authorities;
  }

  private QueryResult benchmark(String code, QueryResult authority, String group) {
    if (!shared || group.equals("neighbours")) {
      return queries.run(
          benchmarks,
          Query.BENCHMARK,
          Map.of(
              "authority",
              code,
              "phase",
              phase.number(),
              "period",
              period,
              "comparison_group",
              group));
    }
    return fromLeagueTable(
        code,
        group,
        authority.value(0, "region_code", String.class),
        authority.value(0, "authority_type", String.class));
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
              benchmarks, Query.LEAGUE_TABLE, Map.of("phase", phase.number(), "period", period));
    }
    List<Integer> members = new ArrayList<>();
    for (int i = 0; i < league.size(); i++) {
      boolean member =
          switch (group) {
            case "region" ->
                region != null && region.equals(league.value(i, "region_code", String.class));
            case "type" ->
                type != null && type.equals(league.value(i, "authority_type", String.class));
            default -> true;
          };
      if (member || code.equals(league.value(i, "authority_code", String.class))) {
        members.add(i);
      }
    }
    List<List<Object>> rows = new ArrayList<>();
    for (int i : members) {
      int nationalRank = league.value(i, "national_rank", Integer.class);
      int groupRank = 1;
      for (int j : members) {
        if (league.value(j, "national_rank", Integer.class) < nationalRank) {
          groupRank++;
        }
      }
      List<Object> row = new ArrayList<>();
      row.add(league.value(i, "authority_code", String.class));
      row.add(league.value(i, "authority_name", String.class));
      row.add(league.value(i, "region_name", String.class));
      row.add(league.value(i, "authority_type", String.class));
      row.add(code.equals(league.value(i, "authority_code", String.class)));
      row.add(null);
      row.add(league.value(i, "turned_around", Long.class));
      row.add(league.value(i, "target_families", Integer.class));
      row.add(league.value(i, "percent_of_target", BigDecimal.class));
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
        payments = queries.run(figures.snapshot(), Query.PAYMENTS, Map.of("phase", phase.number()));
        paymentRows = byAuthority(payments);
      }
      result = payments;
      rows = paymentRows.getOrDefault(code, List.of());
    } else {
      result =
          queries.run(
              figures.snapshot(),
              Query.PAYMENTS,
              Map.of("phase", phase.number(), "authority", code));
      rows = allRows(result);
    }
    Integer last = null;
    for (int i : rows) {
      if (!result.value(i, "period_end", LocalDate.class).isAfter(period)) {
        last = i;
      }
    }
    if (last == null) {
      return null;
    }
    LocalDate end = result.value(last, "period_end", LocalDate.class);
    BigDecimal cap = result.value(last, "cap_gbp", BigDecimal.class);
    BigDecimal toDate = result.value(last, "cumulative_gbp", BigDecimal.class);
    return new Payments(
        end,
        end.equals(period) ? result.value(last, "total_gbp", BigDecimal.class) : BigDecimal.ZERO,
        toDate,
        cap,
        result.value(last, "remaining_cap_gbp", BigDecimal.class),
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
                Query.DATA_QUALITY,
                Map.of("phase", phase.number(), "period", period));
      }
      result = quality;
      for (int i = 0; i < result.size(); i++) {
        if (code.equals(result.value(i, "authority_code", String.class))) {
          row = i;
        }
      }
    } else {
      result =
          queries.run(
              figures.snapshot(),
              Query.DATA_QUALITY,
              Map.of("phase", phase.number(), "period", period, "authority", code));
      row = result.isEmpty() ? -1 : 0;
    }
    if (row < 0) {
      return null;
    }
    return new Quality(
        result.value(row, "status", String.class),
        Boolean.TRUE.equals(result.value(row, "late", Boolean.class)),
        Boolean.TRUE.equals(result.value(row, "resubmitted", Boolean.class)),
        orZero(result.value(row, "versions", Long.class)),
        orZero(result.value(row, "rejections", Long.class)),
        orZero(result.value(row, "warnings", Long.class)),
        orZero(result.value(row, "notes", Long.class)));
  }

  private List<Finding> findings(String code) {
    QueryResult result;
    List<Integer> rows;
    if (shared) {
      if (findings == null) {
        findings =
            queries.run(
                figures.snapshot(),
                Query.DATA_QUALITY_FINDINGS,
                Map.of("phase", phase.number(), "period", period));
        findingRows = byAuthority(findings);
      }
      result = findings;
      rows = findingRows.getOrDefault(code, List.of());
    } else {
      result =
          queries.run(
              figures.snapshot(),
              Query.DATA_QUALITY_FINDINGS,
              Map.of("phase", phase.number(), "period", period, "authority", code));
      rows = allRows(result);
    }
    List<Finding> list = new ArrayList<>();
    for (int i : rows) {
      list.add(
          new Finding(
              result.value(i, "rule_id", String.class),
              result.value(i, "severity", String.class),
              where(result, i),
              result.value(i, "message", String.class)));
    }
    return list;
  }

  private static String where(QueryResult result, int i) {
    StringBuilder where = new StringBuilder();
    String file = result.value(i, "file", String.class);
    if (file != null) {
      where.append(file);
    }
    Integer row = result.value(i, "row_number", Integer.class);
    if (row != null) {
      where.append(where.isEmpty() ? "" : ", ").append("row ").append(row);
    }
    String column = result.value(i, "column_name", String.class);
    if (column != null) {
      where.append(where.isEmpty() ? "" : ", ").append(column);
    }
    return where.toString();
  }

  private List<ReturnVersion> returns(String code) {
    QueryResult result =
        queries.run(
            figures.snapshot(),
            Query.RETURN_HISTORY,
            Map.of("authority", code, "phase", phase.number(), "period", period));
    List<ReturnVersion> versions = new ArrayList<>();
    for (int i = 0; i < result.size(); i++) {
      versions.add(
          new ReturnVersion(
              result.value(i, "return_id", String.class),
              result.value(i, "submitted_at", Instant.class),
              result.value(i, "submitted_by", String.class),
              orZero(result.value(i, "turned_around", Long.class)),
              Boolean.TRUE.equals(result.value(i, "is_current", Boolean.class)),
              result.value(i, "revision_note", String.class)));
    }
    return versions;
  }

  private static Map<String, List<Integer>> byAuthority(QueryResult result) {
    Map<String, List<Integer>> rows = new HashMap<>();
    for (int i = 0; i < result.size(); i++) {
      String code = result.value(i, "authority_code", String.class);
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
