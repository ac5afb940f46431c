package uk.gov.tfwh.warehouse.query.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import uk.gov.tfwh.warehouse.query.Query;

class ResultCacheTest {
  private final AtomicInteger computed = new AtomicInteger();

  private List<List<Object>> rows(Object value) {
    computed.incrementAndGet();
    List<Object> row = new ArrayList<>();
    row.add(value);
    row.add(null);
    return List.of(row);
  }

  @Test
  void theSameQueryWithTheSameValuesIsComputedOnce() {
    ResultCache cache = new ResultCache(10);

    List<List<Object>> first = cache.get(Query.PERIODS, List.of(1), () -> rows("a"));
    List<List<Object>> again = cache.get(Query.PERIODS, List.of(1), () -> rows("b"));
    List<List<Object>> otherValue = cache.get(Query.PERIODS, List.of(2), () -> rows("c"));
    List<List<Object>> otherQuery = cache.get(Query.AUTHORITIES, List.of(1), () -> rows("d"));

    assertThat(again).isSameAs(first);
    assertThat(otherValue.get(0).get(0)).isEqualTo("c");
    assertThat(otherQuery.get(0).get(0)).isEqualTo("d");
    assertThat(computed).hasValue(3);
  }

  @Test
  void itKeepsTheMostRecentlyUsedUpToItsCapacity() {
    ResultCache cache = new ResultCache(2);
    cache.get(Query.PERIODS, List.of(1), () -> rows(1));
    cache.get(Query.PERIODS, List.of(2), () -> rows(2));
    cache.get(Query.PERIODS, List.of(1), () -> rows(1));
    cache.get(Query.PERIODS, List.of(3), () -> rows(3));

    cache.get(Query.PERIODS, List.of(1), () -> rows(1));
    cache.get(Query.PERIODS, List.of(2), () -> rows(2));

    assertThat(cache.size()).isEqualTo(2);
    assertThat(computed).hasValue(4);
  }

  @Test
  void nullValuesAreKeysLikeAnyOtherAndAZeroCacheKeepsNothing() {
    ResultCache cache = new ResultCache(4);
    List<Object> withNull = new ArrayList<>();
    withNull.add(null);
    cache.get(Query.PERIODS, withNull, () -> rows(1));
    cache.get(Query.PERIODS, new ArrayList<>(withNull), () -> rows(1));
    ResultCache none = new ResultCache(0);
    none.get(Query.PERIODS, List.of(1), () -> rows(1));
    none.get(Query.PERIODS, List.of(1), () -> rows(1));

    assertThat(computed).hasValue(3);
    assertThat(none.size()).isZero();
  }
}
