package uk.gov.tfwh.etl.load;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;
import uk.gov.tfwh.etl.concurrent.Completions;
import uk.gov.tfwh.warehouse.snapshot.SnapshotManifest.TableStats;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/**
 * Writes a snapshot's tables side by side. Each table is its own Spark job, and a small table's job
 * is mostly the driver planning it and converting rows while the executors wait, so jobs submitted
 * together keep both the driver and the executors busy (Spark takes jobs from several threads).
 */
final class TableWrites {
  static final int WRITERS = 3;

  private TableWrites() {}

  /**
   * Runs every write and returns the stats of each table, in the order given. When a write fails,
   * the others are still waited for (none is left writing into the staged snapshot as it is
   * aborted) and the first failure is thrown. Says how long each write took, since the stage's time
   * alone does not tell which table a slower load spent it on.
   */
  static Map<WarehouseTable, TableStats> runAll(
      Map<WarehouseTable, Supplier<TableStats>> writes, Consumer<String> progress) {
    ExecutorService pool =
        Executors.newFixedThreadPool(
            WRITERS,
            task -> {
              Thread thread = new Thread(task, "tfwh-table-writer");
              thread.setDaemon(true);
              return thread;
            });
    try {
      Map<WarehouseTable, CompletableFuture<TableStats>> running = new LinkedHashMap<>();
      Map<WarehouseTable, Long> millis = new ConcurrentHashMap<>();
      writes.forEach(
          (table, write) ->
              running.put(table, CompletableFuture.supplyAsync(timed(table, write, millis), pool)));
      CompletableFuture.allOf(running.values().toArray(CompletableFuture[]::new))
          .exceptionally(failure -> null)
          .join();
      Map<WarehouseTable, TableStats> written = new LinkedHashMap<>();
      for (Map.Entry<WarehouseTable, CompletableFuture<TableStats>> write : running.entrySet()) {
        written.put(write.getKey(), Completions.join(write.getValue()));
      }
      StringJoiner times = new StringJoiner(" ", "  table writes, side by side (ms): ", "");
      written.keySet().forEach(table -> times.add(table.tableName() + "=" + millis.get(table)));
      progress.accept(times.toString());
      return written;
    } finally {
      pool.shutdown();
    }
  }

  private static Supplier<TableStats> timed(
      WarehouseTable table, Supplier<TableStats> write, Map<WarehouseTable, Long> millis) {
    return () -> {
      long start = System.nanoTime();
      TableStats stats = write.get();
      millis.put(table, StageClock.millisSince(start));
      return stats;
    };
  }
}
