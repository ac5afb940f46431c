package uk.gov.tfwh.warehouse.query.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.warehouse.query.QueryEngineConfig;
import uk.gov.tfwh.warehouse.query.QueryException;
import uk.gov.tfwh.warehouse.snapshot.SnapshotStore;
import uk.gov.tfwh.warehouse.table.WarehouseTable;
import uk.gov.tfwh.warehouse.testing.SnapshotFixture;

/**
 * A snapshot's table source is closed once, when its database closes or fails to open: an Iceberg
 * release on object storage holds its cached file copies until then, and never longer.
 */
class TableSourceClosingTest {
  private static final String ID = "20260101T000000000Z-fixture";

  @TempDir Path warehouse;

  @Test
  void theSourceIsClosedWhenTheRetiredDatabasesLastQueryEnds() {
    SnapshotStore store = new SnapshotStore(warehouse);
    SnapshotFixture.commit(store, ID, 0);
    FolderTableSource folder = new FolderTableSource(store.snapshotDir(ID));
    CountingSource source = new CountingSource(folder::create);

    SnapshotDatabase database = SnapshotDatabase.open(ID, source, QueryEngineConfig.defaults());
    assertThat(database.acquire()).isTrue();
    database.retire();
    assertThat(source.closes.get()).as("a query still runs").isZero();
    database.release();

    assertThat(source.closes.get()).isEqualTo(1);
    database.retire();
    assertThat(source.closes.get()).isEqualTo(1);
  }

  @Test
  void theSourceIsClosedWhenItsDatabaseCannotOpen() {
    CountingSource badSql =
        new CountingSource(
            (table, limit) -> "CREATE TABLE " + table.tableName() + " AS SELECT * FROM nowhere");
    CountingSource failing =
        new CountingSource(
            (table, limit) -> {
              throw new IllegalArgumentException("no schema for " + table.tableName());
            });

    assertThatThrownBy(() -> SnapshotDatabase.open(ID, badSql, QueryEngineConfig.defaults()))
        .isInstanceOf(QueryException.class);
    assertThatThrownBy(() -> SnapshotDatabase.open(ID, failing, QueryEngineConfig.defaults()))
        .isInstanceOf(IllegalArgumentException.class);

    assertThat(badSql.closes.get()).isEqualTo(1);
    assertThat(failing.closes.get()).isEqualTo(1);
  }

  /** A table source that makes its tables as told and counts its closes. */
  private static final class CountingSource implements TableSource {
    private final BiFunction<WarehouseTable, Long, String> create;
    private final AtomicInteger closes = new AtomicInteger();

    CountingSource(BiFunction<WarehouseTable, Long, String> create) {
      this.create = create;
    }

    @Override
    public List<String> settings() {
      return List.of();
    }

    @Override
    public String create(WarehouseTable table, long inMemoryLimitBytes) {
      return create.apply(table, inMemoryLimitBytes);
    }

    @Override
    public void close() {
      closes.incrementAndGet();
    }
  }
}
