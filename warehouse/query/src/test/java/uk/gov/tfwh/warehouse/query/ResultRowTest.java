package uk.gov.tfwh.warehouse.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A row is read with the accessor of each column's declared type, and only with that one. */
class ResultRowTest {
  private static final QueryResult TOTALS =
      new QueryResult(
          Query.NATIONAL_TOTALS.columns(),
          List.of(List.of(150L, 152L, 20_000L, 18_000L, 9_000L, 40_000L, new BigDecimal("22.5"))),
          "s1");

  @Test
  void eachAccessorReadsItsDeclaredType() {
    ResultRow row = TOTALS.row(0);

    assertThat(row.longValue("turned_around")).isEqualTo(9_000L);
    assertThat(row.decimal("percent_of_target")).isEqualByComparingTo("22.5");
    assertThat(TOTALS.first()).contains(row);
    assertThat(TOTALS).containsExactly(row);
  }

  @Test
  void readingAColumnAsAnotherTypeFailsNamingTheColumn() {
    assertThatThrownBy(() -> TOTALS.row(0).integer("turned_around"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("column turned_around is BIGINT, not read as Integer");
    assertThatThrownBy(() -> TOTALS.row(0).text("no_such_column"))
        .hasMessageContaining("no column no_such_column");
  }

  @Test
  void nullValuesReadAsNullAndAnUnsetFlagAsFalse() {
    List<Object> values =
        new ArrayList<>(Arrays.asList(new Object[Query.BENCHMARK.columns().size()]));
    values.set(0, "E10000016");
    QueryResult result = new QueryResult(Query.BENCHMARK.columns(), List.of(values), "s1");

    assertThat(result.row(0).integer("neighbour_rank")).isNull();
    assertThat(result.row(0).flag("is_subject")).isNull();
    assertThat(result.row(0).isTrue("is_subject")).isFalse();
    assertThat(new QueryResult(Query.BENCHMARK.columns(), List.of(), "s1").first()).isEmpty();
  }
}
