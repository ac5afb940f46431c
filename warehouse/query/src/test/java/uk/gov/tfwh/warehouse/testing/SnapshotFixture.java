package uk.gov.tfwh.warehouse.testing;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import uk.gov.tfwh.programme.league.LeagueRanking;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;
import uk.gov.tfwh.warehouse.snapshot.SnapshotManifest;
import uk.gov.tfwh.warehouse.snapshot.SnapshotManifest.TableStats;
import uk.gov.tfwh.warehouse.snapshot.SnapshotStore;
import uk.gov.tfwh.warehouse.snapshot.StagedSnapshot;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/**
 * A small but realistic committed snapshot, written as Parquet exactly as the contract ({@link
 * WarehouseTable}) says: eight real authorities (with their real targets) in four regions and all
 * four types, two phase-1 quarters and one phase-2 quarter, league figures ranked by the
 * programme's own {@link LeagueRanking}, a resubmission, a late return, a missing return, a gap, a
 * fall, ties (exact and only-rounded), findings of every severity, payments with a capped quarter,
 * partitioned claims and two versions of a neighbour set.
 *
 * <p>Phase 1, quarter ending 2013-09-30 ({@link #Q2}), national ranking:
 *
 * <pre>
 * rank authority       turned around / target  percent
 *  1   Middlesbrough     85 /  425               20.0   (exact tie at 0.2)
 *  1   Bristol          271 / 1355               20.0
 *  1   Kent             512 / 2560               20.0
 *  4   Surrey           177 / 1000               17.7   (0.177 > 0.1766: ranks above Birmingham)
 *  5   Birmingham       738 / 4180               17.7
 *  6   Gateshead         90 /  855               10.5   (fell from 95)
 *  7   Hartlepool         0 /  425                0.0   (no Q1 return: its change is null)
 *      City of London   no return in Q2 (missing)
 * </pre>
 *
 * {@code bump} adds to every turned-around figure, so two fixture snapshots can be told apart.
 */
public final class SnapshotFixture {
  public static final LocalDate Q1 = LocalDate.of(2013, 6, 30);
  public static final LocalDate Q2 = LocalDate.of(2013, 9, 30);
  public static final LocalDate P2Q1 = LocalDate.of(2014, 9, 30);
  public static final String REFERENCE_VERSION = "fixture-1";

  public static final String HARTLEPOOL = "E06000001";
  public static final String MIDDLESBROUGH = "E06000002";
  public static final String BRISTOL = "E06000023";
  public static final String BIRMINGHAM = "E08000025";
  public static final String GATESHEAD = "E08000037";
  public static final String CITY_OF_LONDON = "E09000001";
  public static final String KENT = "E10000016";
  public static final String SURREY = "E10000030";

  /** An authority of the fixture with its phase-1 and phase-2 targets. */
  public record Authority(
      String code,
      String name,
      String regionCode,
      String region,
      String type,
      String formerCodes,
      int phase1Target,
      String phase1Basis,
      int phase2Target,
      String phase2Basis) {}

  public static final List<Authority> AUTHORITIES =
      List.of(
          new Authority(
              HARTLEPOOL,
              "Hartlepool",
              "E12000001",
              "North East",
              "unitary",
              null,
              425,
              "modelled",
              1420,
              "modelled"),
          new Authority(
              MIDDLESBROUGH,
              "Middlesbrough",
              "E12000001",
              "North East",
              "unitary",
              null,
              425,
              "modelled",
              1420,
              "modelled"),
          new Authority(
              BRISTOL,
              "Bristol",
              "E12000009",
              "South West",
              "unitary",
              null,
              1355,
              "published",
              4530,
              "modelled"),
          new Authority(
              BIRMINGHAM,
              "Birmingham",
              "E12000005",
              "West Midlands",
              "metropolitan_district",
              null,
              4180,
              "published",
              14040,
              "modelled"),
          new Authority(
              GATESHEAD,
              "Gateshead",
              "E12000001",
              "North East",
              "metropolitan_district",
              "E08000020",
              855,
              "modelled",
              2860,
              "modelled"),
          new Authority(
              CITY_OF_LONDON,
              "City of London",
              "E12000007",
              "London",
              "london_borough",
              null,
              25,
              "published",
              80,
              "modelled"),
          new Authority(
              KENT,
              "Kent",
              "E12000008",
              "South East",
              "county",
              null,
              2560,
              "published",
              8960,
              "published"),
          new Authority(
              SURREY,
              "Surrey",
              "E12000008",
              "South East",
              "county",
              null,
              1000,
              "published",
              3350,
              "modelled"));

  /** One accepted version of a return. */
  private record Version(
      String authority,
      int phase,
      LocalDate period,
      long turnedAround,
      Instant submittedAt,
      int number,
      boolean current) {
    String returnId() {
      return "r-" + authority + "-p" + phase + "-" + period + "-v" + number;
    }
  }

  private SnapshotFixture() {}

  /** Writes and commits the fixture snapshot {@code id} (it becomes current). */
  public static SnapshotManifest commit(SnapshotStore store, String id, int bump) {
    return commit(store, id, bump, true);
  }

  /**
   * Writes and commits the fixture; {@code withClaims=false} leaves the partitioned claims table
   * without rows (and so without files), as a load with no claims does.
   */
  public static SnapshotManifest commit(
      SnapshotStore store, String id, int bump, boolean withClaims) {
    StagedSnapshot staged = store.stage(id);
    Map<WarehouseTable, List<List<Object>>> tables = tables(id, bump, withClaims);
    Map<String, TableStats> stats = new LinkedHashMap<>();
    for (Map.Entry<WarehouseTable, List<List<Object>>> table : tables.entrySet()) {
      Path dir = staged.tableDirectory(table.getKey());
      stats.put(
          table.getKey().tableName(),
          ParquetTableWriter.write(table.getKey(), table.getValue(), dir));
    }
    SnapshotManifest manifest =
        new SnapshotManifest(
            id,
            Instant.parse("2026-01-01T00:00:00Z").plusSeconds(bump),
            store.currentId().orElse(null),
            REFERENCE_VERSION,
            "fixture" + bump,
            List.of(),
            stats);
    return store.commit(staged, manifest);
  }

  /** Every table's rows, in contract column order. */
  public static Map<WarehouseTable, List<List<Object>>> tables(
      String snapshotId, int bump, boolean withClaims) {
    Map<WarehouseTable, List<List<Object>>> tables = new EnumMap<>(WarehouseTable.class);
    List<Version> versions = versions(bump);
    tables.put(WarehouseTable.DIM_AUTHORITY, dimAuthority());
    tables.put(WarehouseTable.DIM_PERIOD, dimPeriod());
    tables.put(WarehouseTable.DIM_TARGET, dimTarget());
    tables.put(WarehouseTable.DIM_NEIGHBOUR, dimNeighbour());
    tables.put(WarehouseTable.FACT_RETURN, factReturn(versions, snapshotId));
    tables.put(WarehouseTable.FACT_CLAIM, withClaims ? factClaim() : List.of());
    tables.put(WarehouseTable.FACT_FINDING, factFinding(snapshotId));
    tables.put(WarehouseTable.FACT_PAYMENT, factPayment());
    tables.put(WarehouseTable.AGG_AUTHORITY_QUARTER, aggregate(versions));
    return tables;
  }

  public static Authority authority(String code) {
    return AUTHORITIES.stream().filter(a -> a.code().equals(code)).findFirst().orElseThrow();
  }

  private static List<Version> versions(int bump) {
    List<Version> versions = new ArrayList<>();
    // Phase 1, Q1: Hartlepool's return was rejected (a gap).
    Map<String, Long> q1 =
        Map.of(
            MIDDLESBROUGH,
            85L,
            BRISTOL,
            200L,
            BIRMINGHAM,
            690L,
            GATESHEAD,
            95L,
            CITY_OF_LONDON,
            5L,
            KENT,
            400L,
            SURREY,
            150L);
    q1.forEach((code, ta) -> versions.add(onTime(code, 1, Q1, ta + bump)));
    // Phase 1, Q2: City of London is missing.
    Map<String, Long> q2 =
        Map.of(
            HARTLEPOOL,
            0L,
            MIDDLESBROUGH,
            85L,
            BRISTOL,
            271L,
            GATESHEAD,
            90L,
            KENT,
            512L,
            SURREY,
            177L);
    q2.forEach(
        (code, ta) -> {
          Instant at =
              switch (code) {
                case GATESHEAD -> Instant.parse("2013-11-15T12:00:00Z"); // 46 days: late
                case SURREY -> Instant.parse("2013-10-31T23:30:00Z"); // 31 days: on time
                case KENT -> Instant.parse("2013-10-15T09:30:12.345678Z");
                default -> submitted(Q2);
              };
          versions.add(new Version(code, 1, Q2, ta + bump, at, 1, true));
        });
    versions.add(
        new Version(
            BIRMINGHAM, 1, Q2, 700 + bump, Instant.parse("2013-10-20T10:00:00Z"), 1, false));
    versions.add(
        new Version(BIRMINGHAM, 1, Q2, 738 + bump, Instant.parse("2013-11-05T10:00:00Z"), 2, true));
    // Phase 2, first quarter (it overlaps phase 1's last year).
    versions.add(onTime(KENT, 2, P2Q1, 30 + bump));
    versions.add(onTime(BRISTOL, 2, P2Q1, 45 + bump));
    versions.sort(
        (a, b) ->
            (a.authority() + a.phase() + a.period() + a.number())
                .compareTo(b.authority() + b.phase() + b.period() + b.number()));
    return versions;
  }

  private static Version onTime(String code, int phase, LocalDate period, long ta) {
    return new Version(code, phase, period, ta, submitted(period), 1, true);
  }

  private static Instant submitted(LocalDate period) {
    return period.plusDays(15).atTime(LocalTime.of(10, 0)).toInstant(ZoneOffset.UTC);
  }

  private static List<List<Object>> dimAuthority() {
    return AUTHORITIES.stream()
        .map(
            a ->
                row(
                    a.code(),
                    a.name(),
                    a.regionCode(),
                    a.region(),
                    a.type(),
                    a.formerCodes(),
                    REFERENCE_VERSION))
        .toList();
  }

  private static List<List<Object>> dimPeriod() {
    List<List<Object>> rows = new ArrayList<>();
    for (Phase phase : Phase.values()) {
      int index = 1;
      for (Quarter q = phase.firstQuarter(); !q.isAfter(phase.lastQuarter()); q = q.next()) {
        rows.add(row(phase.number(), q.end(), q.label(), q.financialYear().label(), index++));
      }
    }
    return rows;
  }

  private static List<List<Object>> dimTarget() {
    List<List<Object>> rows = new ArrayList<>();
    LocalDate effective = LocalDate.of(2012, 4, 1);
    for (Authority a : AUTHORITIES) {
      rows.add(row(a.code(), 1, a.phase1Target(), a.phase1Basis(), REFERENCE_VERSION, effective));
      rows.add(row(a.code(), 2, a.phase2Target(), a.phase2Basis(), REFERENCE_VERSION, effective));
    }
    return rows;
  }

  /** Birmingham's neighbours: set v1 from 2012-04-01, replaced by v2 from 2013-07-01. */
  private static List<List<Object>> dimNeighbour() {
    LocalDate v1 = LocalDate.of(2012, 4, 1);
    LocalDate v2 = LocalDate.of(2013, 7, 1);
    return List.of(
        row(BIRMINGHAM, KENT, 1, "v1", v1),
        row(BIRMINGHAM, SURREY, 2, "v1", v1),
        row(BIRMINGHAM, GATESHEAD, 3, "v1", v1),
        row(BIRMINGHAM, GATESHEAD, 1, "v2", v2),
        row(BIRMINGHAM, HARTLEPOOL, 2, "v2", v2),
        row(KENT, SURREY, 1, "v1", v1));
  }

  private static List<List<Object>> factReturn(List<Version> versions, String snapshotId) {
    List<List<Object>> rows = new ArrayList<>();
    for (Version v : versions) {
      long ta = v.turnedAround();
      long attached = 2 * ta + 50;
      long identified = attached + 3 * ta + 100;
      long employment = ta / 10;
      boolean one = v.phase() == 1;
      String submittedCode = v.authority().equals(GATESHEAD) ? "E08000020" : v.authority();
      Version previous = versionNumber(versions, v, v.number() - 1);
      Version next = versionNumber(versions, v, v.number() + 1);
      rows.add(
          row(
              v.returnId(),
              v.authority(),
              submittedCode,
              v.phase(),
              v.period(),
              identified,
              attached,
              one ? ta - employment : null,
              employment,
              one ? 3L : null,
              one ? null : ta - employment,
              ta,
              v.submittedAt(),
              // received when it says it was signed off; late by the windows' 31 days
              v.submittedAt(),
              "operator drop",
              null,
              v.submittedAt()
                  .atZone(java.time.ZoneId.of("Europe/London"))
                  .toLocalDate()
                  .isAfter(v.period().plusDays(31)),
              "officer@" + v.authority().toLowerCase() + ".gov.uk",
              v.authority().equals(BIRMINGHAM) ? "=HYPERLINK(\"http://x\")" : "A. Director",
              v.number() > 1 ? "Corrected the employment figure" : null,
              v.authority() + "-" + Quarter.endingOn(v.period()).label() + "-p" + v.phase(),
              v.authority().equals(BRISTOL) ? "XLSX" : "CSV",
              "sha-" + v.returnId(),
              snapshotId,
              v.current(),
              previous == null ? null : previous.returnId(),
              next == null ? null : next.returnId()));
    }
    return rows;
  }

  private static Version versionNumber(List<Version> versions, Version of, int number) {
    return versions.stream()
        .filter(v -> v.authority().equals(of.authority()))
        .filter(v -> v.phase() == of.phase() && v.period().equals(of.period()))
        .filter(v -> v.number() == number)
        .findFirst()
        .orElse(null);
  }

  private static List<List<Object>> factClaim() {
    List<List<Object>> rows = new ArrayList<>();
    LocalDate[] periods = {Q1, Q1, Q1, Q2, Q2};
    for (int i = 0; i < periods.length; i++) {
      LocalDate period = periods[i];
      String returnId = "r-" + KENT + "-p1-" + period + "-v1";
      rows.add(
          row(
              returnId + "#" + (i + 2),
              returnId,
              KENT,
              1,
              i + 2,
              "FAM" + (1000 + i),
              period.minusMonths(9),
              "CRIME_ASB_EDUCATION",
              period.minusDays(20),
              "CRIME;EDUCATION",
              submitted(period),
              period));
    }
    return rows;
  }

  private static List<List<Object>> factFinding(String snapshotId) {
    return List.of(
        row(
            "f1",
            snapshotId,
            "TFQR-S05",
            "RETURN_REJECTED",
            HARTLEPOOL + "-2013Q2-p1",
            HARTLEPOOL + "-2013Q2-p1.summary.csv",
            "summary",
            2,
            "turned_around",
            "turned around exceeds families attached",
            HARTLEPOOL,
            1,
            Q1,
            null),
        row(
            "f2",
            snapshotId,
            "TFQR-W02",
            "WARNING",
            GATESHEAD + "-2013Q3-p1",
            GATESHEAD + "-2013Q3-p1.summary.csv",
            "summary",
            2,
            "turned_around",
            "turned around fell from 95 to 90",
            GATESHEAD,
            1,
            Q2,
            "r-" + GATESHEAD + "-p1-" + Q2 + "-v1"),
        row(
            "f3",
            snapshotId,
            "TFQR-N01",
            "NOTE",
            GATESHEAD + "-2013Q3-p1",
            GATESHEAD + "-2013Q3-p1.summary.csv",
            "summary",
            2,
            "authority_code",
            "former code E08000020 mapped to E08000037",
            GATESHEAD,
            1,
            Q2,
            "r-" + GATESHEAD + "-p1-" + Q2 + "-v1"),
        row(
            "f4",
            snapshotId,
            "TFQR-C03",
            "ROW_REJECTED",
            KENT + "-2013Q3-p1",
            KENT + "-2013Q3-p1.claims.csv",
            "claims",
            4,
            "attached_on",
            "attached after achieved",
            KENT,
            1,
            Q2,
            "r-" + KENT + "-p1-" + Q2 + "-v1"),
        row(
            "f5",
            snapshotId,
            "TFQR-A01",
            "RETURN_REJECTED",
            "bad-unknown-authority",
            "bad-unknown-authority.summary.csv",
            "summary",
            2,
            "authority_code",
            "E06999999 is not an authority",
            null,
            null,
            null,
            null),
        row(
            "f6",
            snapshotId,
            "TFQR-W04",
            "WARNING",
            BIRMINGHAM + "-2013Q3-p1",
            BIRMINGHAM + "-2013Q3-p1.summary.csv",
            null,
            null,
            null,
            "=HYPERLINK(\"http://x\") jumped",
            BIRMINGHAM,
            1,
            Q2,
            "r-" + BIRMINGHAM + "-p1-" + Q2 + "-v2"));
  }

  /** Kent and Bristol, phase 1: Bristol reaches its cap in Q2. */
  private static List<List<Object>> factPayment() {
    return List.of(
        payment(
            KENT,
            Q1,
            "2013/14",
            850,
            "595000.00",
            "1200000.00",
            "200000.00",
            "0.00",
            "1995000.00",
            "1995000.00",
            "10240000.00",
            false),
        payment(
            KENT,
            Q2,
            "2013/14",
            224,
            "156800.00",
            "350000.00",
            "10000.00",
            "1000.00",
            "517800.00",
            "2512800.00",
            "10240000.00",
            false),
        payment(
            BRISTOL,
            Q1,
            "2013/14",
            450,
            "315000.00",
            "3500000.00",
            "85000.00",
            "0.00",
            "3900000.00",
            "3900000.00",
            "5420000.00",
            false),
        payment(
            BRISTOL,
            Q2,
            "2013/14",
            142,
            "99400.00",
            "1400000.00",
            "20600.00",
            "0.00",
            "1520000.00",
            "5420000.00",
            "5420000.00",
            true));
  }

  private static List<Object> payment(
      String code,
      LocalDate period,
      String year,
      long paid,
      String fee,
      String crime,
      String employment,
      String work,
      String total,
      String cumulative,
      String cap,
      boolean capped) {
    return row(
        code,
        1,
        period,
        year,
        paid,
        new BigDecimal(fee),
        new BigDecimal(crime),
        new BigDecimal(employment),
        new BigDecimal(work),
        new BigDecimal("0.00"),
        new BigDecimal(total),
        new BigDecimal(cumulative),
        new BigDecimal(cap),
        capped);
  }

  /** League figures per phase and quarter, from the current versions, by the programme's rules. */
  private static List<List<Object>> aggregate(List<Version> versions) {
    Map<String, Authority> byCode =
        AUTHORITIES.stream().collect(Collectors.toMap(Authority::code, Function.identity()));
    Map<String, List<Version>> byQuarter = new LinkedHashMap<>();
    Map<String, Version> currentByKey = new HashMap<>();
    for (Version v : versions) {
      if (v.current()) {
        byQuarter.computeIfAbsent(v.phase() + "/" + v.period(), k -> new ArrayList<>()).add(v);
        currentByKey.put(v.authority() + "/" + v.phase() + "/" + v.period(), v);
      }
    }
    List<List<Object>> rows = new ArrayList<>();
    for (List<Version> quarter : byQuarter.values()) {
      int phase = quarter.get(0).phase();
      Function<Version, Integer> target =
          v ->
              phase == 1
                  ? byCode.get(v.authority()).phase1Target()
                  : byCode.get(v.authority()).phase2Target();
      Map<String, Integer> national = ranks(quarter, target, v -> "all", byCode);
      Map<String, Integer> region = ranks(quarter, target, a -> a.regionCode(), byCode);
      Map<String, Integer> type = ranks(quarter, target, Authority::type, byCode);
      for (Version v : quarter) {
        Authority a = byCode.get(v.authority());
        int t = target.apply(v);
        BigDecimal percent = LeagueRanking.percentOfTarget(v.turnedAround(), t);
        LocalDate previousPeriod = Quarter.endingOn(v.period()).previous().end();
        Version previous = currentByKey.get(v.authority() + "/" + phase + "/" + previousPeriod);
        long attached = 2 * v.turnedAround() + 50;
        rows.add(
            row(
                a.code(),
                a.name(),
                a.regionCode(),
                a.region(),
                a.type(),
                phase,
                v.period(),
                attached + 3 * v.turnedAround() + 100,
                attached,
                v.turnedAround(),
                t,
                phase == 1 ? a.phase1Basis() : a.phase2Basis(),
                percent,
                national.get(a.code()),
                region.get(a.code()),
                type.get(a.code()),
                LeagueRanking.quartile(national.get(a.code()), quarter.size()),
                previous == null ? null : v.turnedAround() - previous.turnedAround(),
                previous == null
                    ? null
                    : percent.subtract(
                        LeagueRanking.percentOfTarget(
                            previous.turnedAround(), target.apply(previous))),
                v.returnId()));
      }
    }
    return rows;
  }

  private static Map<String, Integer> ranks(
      List<Version> quarter,
      Function<Version, Integer> target,
      Function<Authority, String> groupOf,
      Map<String, Authority> byCode) {
    Map<String, Map<String, Long>> values = new HashMap<>();
    Map<String, Integer> targets = new HashMap<>();
    for (Version v : quarter) {
      String group = groupOf.apply(byCode.get(v.authority()));
      values
          .computeIfAbsent(group, g -> new LinkedHashMap<>())
          .put(v.authority(), v.turnedAround());
      targets.put(v.authority(), target.apply(v));
    }
    Map<String, Integer> ranks = new HashMap<>();
    for (Map<String, Long> group : values.values()) {
      ranks.putAll(LeagueRanking.rank(group, targets));
    }
    return ranks;
  }

  private static List<Object> row(Object... values) {
    return Arrays.asList(values);
  }
}
