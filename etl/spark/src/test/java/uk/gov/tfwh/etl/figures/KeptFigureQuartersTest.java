package uk.gov.tfwh.etl.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import uk.gov.tfwh.etl.ReadReturns;
import uk.gov.tfwh.etl.TestLandings;
import uk.gov.tfwh.etl.read.ReadReturn;
import uk.gov.tfwh.programme.reference.ReferenceData;
import uk.gov.tfwh.programme.reference.ReferenceDataLoader;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/**
 * The rows of fact_payment and agg_authority_quarter built with some quarters kept are exactly the
 * full rows of the other quarters: skipping work for kept quarters must not change a row of the
 * quarters after them (a league row's change since the previous quarter, a payment's cap).
 */
class KeptFigureQuartersTest {
  private static final ReferenceData REFERENCE = ReferenceDataLoader.load(TestLandings.reference());
  private static final List<String> AUTHORITIES = List.of("E08000035", "E06000001", "E09000002");

  private static CurrentReturns returns(int quarters) {
    List<ReadReturn> current = new ArrayList<>();
    for (String authority : AUTHORITIES) {
      for (int quarter = 1; quarter <= quarters; quarter++) {
        current.add(ReadReturns.accepted(authority + "-" + quarter, authority, quarter));
      }
    }
    return CurrentReturns.of(current);
  }

  private static List<Row> withoutQuarters(
      List<Row> rows, WarehouseTable table, Set<String> quarters) {
    int periodEnd = table.columns().stream().map(c -> c.name()).toList().indexOf("period_end");
    return rows.stream()
        .filter(row -> !quarters.contains(((LocalDate) row.get(periodEnd)).toString()))
        .toList();
  }

  @Test
  void leagueRowsOfQuartersAfterKeptOnesAreTheFullRows() {
    CurrentReturns current = returns(4);
    for (Set<String> kept :
        List.of(
            Set.<String>of(),
            Set.of("2013-03-31"),
            Set.of("2013-03-31", "2013-06-30"),
            Set.of("2013-03-31", "2013-06-30", "2013-09-30", "2013-12-31"))) {
      assertThat(LeagueTable.rows(REFERENCE, current, kept))
          .as("kept %s", kept)
          .containsExactlyInAnyOrderElementsOf(
              withoutQuarters(
                  LeagueTable.rows(REFERENCE, current, Set.of()),
                  WarehouseTable.AGG_AUTHORITY_QUARTER,
                  kept));
    }
  }

  @Test
  void paymentRowsOfQuartersAfterKeptOnesAreTheFullRows() {
    CurrentReturns current = returns(4);
    for (Set<String> kept :
        List.of(
            Set.of("2013-03-31"),
            Set.of("2013-03-31", "2013-06-30", "2013-09-30"),
            Set.of("2013-03-31", "2013-06-30", "2013-09-30", "2013-12-31"))) {
      assertThat(PaymentTable.rows(REFERENCE, current, Map.of(), kept))
          .as("kept %s", kept)
          .containsExactlyInAnyOrderElementsOf(
              withoutQuarters(
                  PaymentTable.rows(REFERENCE, current, Map.of(), Set.of()),
                  WarehouseTable.FACT_PAYMENT,
                  kept));
    }
    assertThat(PaymentTable.rows(REFERENCE, current, Map.of(), Set.of())).hasSize(12);
  }
}
