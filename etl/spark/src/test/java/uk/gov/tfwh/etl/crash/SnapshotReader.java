package uk.gov.tfwh.etl.crash;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import uk.gov.tfwh.warehouse.query.Query;
import uk.gov.tfwh.warehouse.query.QueryResult;
import uk.gov.tfwh.warehouse.query.SnapshotSelector;
import uk.gov.tfwh.warehouse.query.WarehouseQueries;

/**
 * A reader of the warehouse during the crash trial, as the API is: it asks the embedded query layer
 * for the current snapshot's national totals again and again, and records every error and every
 * answer by the snapshot it came from. Every snapshot of the trial holds the same accepted returns,
 * so every answer must be the same: a half-written snapshot would answer differently or fail.
 */
final class SnapshotReader implements Runnable {
  static final Map<String, ?> ARGUMENTS = Map.of("phase", 2, "period", LocalDate.of(2015, 6, 30));

  private final WarehouseQueries queries;
  private final AtomicLong served = new AtomicLong();
  private final List<String> errors = new CopyOnWriteArrayList<>();
  private final Map<String, List<List<Object>>> answerBySnapshot = new ConcurrentHashMap<>();
  private volatile boolean stopped;

  SnapshotReader(WarehouseQueries queries) {
    this.queries = requireNonNull(queries, "queries");
  }

  /** One query, checked; used for the baseline too. */
  QueryResult ask() {
    return queries.run(SnapshotSelector.current(), Query.NATIONAL_TOTALS, ARGUMENTS);
  }

  @Override
  public void run() {
    while (!stopped) {
      try {
        QueryResult result = ask();
        served.incrementAndGet();
        List<List<Object>> earlier =
            answerBySnapshot.putIfAbsent(result.snapshotId(), result.rows());
        if (earlier != null && !earlier.equals(result.rows())) {
          errors.add(
              "snapshot "
                  + result.snapshotId()
                  + " answered "
                  + result.rows()
                  + ", then "
                  + earlier);
        }
      } catch (RuntimeException e) {
        errors.add(e.getClass().getSimpleName() + ": " + e.getMessage());
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  void stop() {
    stopped = true;
  }

  long served() {
    return served.get();
  }

  List<String> errors() {
    return List.copyOf(errors);
  }

  Map<String, List<List<Object>>> answers() {
    return Map.copyOf(answerBySnapshot);
  }
}
