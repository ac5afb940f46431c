package uk.gov.tfwh.warehouse.query.embedded;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import uk.gov.tfwh.warehouse.query.Query;

/**
 * The most recently used results of one snapshot's queries. Exact, never stale: a snapshot is
 * immutable and the cache dies with its database. Bounded, so arbitrary filter values cannot grow
 * it without limit.
 */
final class ResultCache {
  private record Key(Query query, List<Object> values) {}

  private final int capacity;
  private final Map<Key, List<List<Object>>> entries;

  ResultCache(int capacity) {
    this.capacity = capacity;
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<Key, List<List<Object>>> eldest) {
            return size() > ResultCache.this.capacity;
          }
        };
  }

  List<List<Object>> get(Query query, List<Object> values, Supplier<List<List<Object>>> compute) {
    if (capacity == 0) {
      return compute.get();
    }
    Key key = new Key(query, Collections.unmodifiableList(new ArrayList<>(values)));
    synchronized (entries) {
      List<List<Object>> rows = entries.get(key);
      if (rows != null) {
        return rows;
      }
    }
    // Computed outside the lock: two threads may both run a cold query, which is harmless.
    List<List<Object>> rows = immutable(compute.get());
    synchronized (entries) {
      entries.put(key, rows);
    }
    return rows;
  }

  int size() {
    synchronized (entries) {
      return entries.size();
    }
  }

  private static List<List<Object>> immutable(List<List<Object>> rows) {
    List<List<Object>> copy = new ArrayList<>(rows.size());
    for (List<Object> row : rows) {
      copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
    }
    return Collections.unmodifiableList(copy);
  }
}
