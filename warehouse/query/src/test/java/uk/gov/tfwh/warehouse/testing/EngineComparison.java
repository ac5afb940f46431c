package uk.gov.tfwh.warehouse.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import uk.gov.tfwh.warehouse.query.QueryResult;
import uk.gov.tfwh.warehouse.query.SnapshotSelector;
import uk.gov.tfwh.warehouse.query.WarehouseQueries;
import uk.gov.tfwh.warehouse.testing.CatalogueCalls.Call;

/**
 * The promise of the query layer, as one assertion: the embedded engine and Trino give identical
 * answers (snapshot, columns, values, order and Java types) for the same calls on the same release.
 * Used on the fixture (warehouse) and on the loaded seed-1 sample (dashboards).
 */
public final class EngineComparison {
  private EngineComparison() {}

  /**
   * Runs every call on both readers (two engines, or one engine over two stores holding the same
   * rows) against {@code selector}; at least {@code minNonEmpty} calls must return rows.
   */
  public static void assertSameAnswers(
      WarehouseQueries expectedReader,
      WarehouseQueries actualReader,
      SnapshotSelector selector,
      List<Call> calls,
      int minNonEmpty) {
    int nonEmpty = 0;
    for (Call call : calls) {
      QueryResult expected = expectedReader.run(selector, call.query(), call.arguments());
      QueryResult actual = actualReader.run(selector, call.query(), call.arguments());
      assertThat(actual.snapshotId()).as(call.label()).isEqualTo(expected.snapshotId());
      assertThat(actual.columns()).as(call.label()).isEqualTo(expected.columns());
      assertThat(actual.rows()).as(call.label()).isEqualTo(expected.rows());
      assertSameJavaTypes(call, expected, actual);
      nonEmpty += expected.isEmpty() ? 0 : 1;
    }
    assertThat(nonEmpty).as("calls that returned rows").isGreaterThanOrEqualTo(minNonEmpty);
  }

  private static void assertSameJavaTypes(Call call, QueryResult expected, QueryResult actual) {
    for (int r = 0; r < expected.size(); r++) {
      for (int c = 0; c < expected.columns().size(); c++) {
        Object e = expected.rows().get(r).get(c);
        Object a = actual.rows().get(r).get(c);
        if (e != null && a != null) {
          assertThat(a.getClass())
              .as(call.label() + " " + expected.columns().get(c))
              .isEqualTo(e.getClass());
        }
      }
    }
  }
}
