package uk.gov.tfwh.warehouse.testing;

import static uk.gov.tfwh.warehouse.testing.SnapshotFixture.BIRMINGHAM;
import static uk.gov.tfwh.warehouse.testing.SnapshotFixture.GATESHEAD;
import static uk.gov.tfwh.warehouse.testing.SnapshotFixture.KENT;
import static uk.gov.tfwh.warehouse.testing.SnapshotFixture.P2Q1;
import static uk.gov.tfwh.warehouse.testing.SnapshotFixture.Q1;
import static uk.gov.tfwh.warehouse.testing.SnapshotFixture.Q2;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import uk.gov.tfwh.warehouse.query.Query;

/**
 * Calls of every catalogue query (every filter used and unused) that return rows from the fixture
 * snapshot: what the cross-engine test and benchmarks run. A check keeps it complete.
 */
public final class CatalogueCalls {
  /** A query with named arguments, and a label for reports. */
  public record Call(String label, Query query, Map<String, Object> arguments) {}

  private CatalogueCalls() {}

  public static List<Call> calls() {
    List<Call> calls = new ArrayList<>();
    add(calls, Query.LEAGUE_TABLE, "phase", 1, "period", Q2);
    add(calls, Query.LEAGUE_TABLE, "phase", 1, "period", Q2, "region", "North East");
    add(calls, Query.LEAGUE_TABLE, "phase", 2, "period", P2Q1, "authority_type", "county");
    add(calls, Query.LEAGUE_TABLE, "phase", 1, "period", Q2, "region", "x' OR 1=1 --");
    add(calls, Query.NATIONAL_TOTALS, "phase", 1, "period", Q2);
    add(calls, Query.NATIONAL_TOTALS, "phase", 1, "period", java.time.LocalDate.of(2015, 6, 30));
    add(calls, Query.REGION_TOTALS, "phase", 1, "period", Q2);
    add(calls, Query.AUTHORITY_PROGRESS, "authority", BIRMINGHAM, "phase", 1);
    for (String group : List.of("neighbours", "region", "type", "england")) {
      add(
          calls,
          Query.BENCHMARK,
          "authority",
          BIRMINGHAM,
          "phase",
          1,
          "period",
          Q2,
          "comparison_group",
          group);
    }
    add(
        calls,
        Query.BENCHMARK,
        "authority",
        BIRMINGHAM,
        "phase",
        1,
        "period",
        Q1,
        "comparison_group",
        "neighbours");
    add(calls, Query.PAYMENTS, "phase", 1);
    add(calls, Query.PAYMENTS, "phase", 1, "authority", KENT, "financial_year", "2013/14");
    add(calls, Query.DATA_QUALITY, "phase", 1, "period", Q2);
    add(calls, Query.DATA_QUALITY, "phase", 1, "period", Q1, "authority", GATESHEAD);
    add(calls, Query.DATA_QUALITY_FINDINGS, "phase", 1, "period", Q2);
    add(calls, Query.DATA_QUALITY_FINDINGS, "phase", 1, "period", Q2, "authority", KENT);
    add(calls, Query.RETURN_HISTORY, "authority", BIRMINGHAM, "phase", 1, "period", Q2);
    add(calls, Query.TIME_SERIES);
    add(calls, Query.TIME_SERIES, "phase", 2);
    add(calls, Query.PERIODS);
    add(calls, Query.PERIODS, "phase", 2);
    add(calls, Query.AUTHORITIES);
    add(calls, Query.AUTHORITIES, "authority", GATESHEAD);
    add(calls, Query.TABLE_ROWS);
    Set<Query> covered = calls.stream().map(Call::query).collect(Collectors.toSet());
    if (!covered.containsAll(Arrays.asList(Query.values()))) {
      throw new IllegalStateException("CatalogueCalls misses a query of the catalogue");
    }
    return calls;
  }

  private static void add(List<Call> calls, Query query, Object... namesAndValues) {
    Map<String, Object> arguments = new HashMap<>();
    StringBuilder label = new StringBuilder(query.fileName());
    for (int i = 0; i < namesAndValues.length; i += 2) {
      arguments.put((String) namesAndValues[i], namesAndValues[i + 1]);
      label.append(' ').append(namesAndValues[i]).append('=').append(namesAndValues[i + 1]);
    }
    calls.add(new Call(label.toString(), query, Map.copyOf(arguments)));
  }
}
