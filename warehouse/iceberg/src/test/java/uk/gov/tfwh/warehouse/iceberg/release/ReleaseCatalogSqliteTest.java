package uk.gov.tfwh.warehouse.iceberg.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.gov.tfwh.warehouse.iceberg.release.ReleaseFixtures.first;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogDatabase;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings;

/** The release tables in the embedded catalog: SQLite in the warehouse folder. */
class ReleaseCatalogSqliteTest extends ReleaseCatalogContract {
  @TempDir Path dir;
  private int catalogs;

  @Override
  CatalogDatabase newDatabase() {
    return CatalogDatabase.of(CatalogSettings.embedded(dir.resolve("warehouse-" + ++catalogs)));
  }

  @Override
  CatalogDatabase otherCatalog(CatalogDatabase database) {
    CatalogSettings settings = database.settings();
    return CatalogDatabase.of(
        CatalogSettings.of(
            Map.of(CatalogSettings.NAME, "other", CatalogSettings.URI, settings.uri()),
            settings.sqliteFile().orElseThrow().getParent()));
  }

  @Test
  void aWriterWaitsForAnotherWritersTransactionAndThenSeesTheParentMoved() throws Exception {
    CatalogDatabase database = migrated();
    Release one = first("a");
    Release rival = first("b");
    CompletableFuture<Void> late;
    try (Connection other = database.connect()) {
      // Another writer's open transaction, holding SQLite's write lock (BEGIN IMMEDIATE).
      other.setAutoCommit(false);
      insertRelease(other, database.catalogName(), one);
      late = CompletableFuture.runAsync(() -> new ReleaseCommit(database).commit(rival));
      Thread.sleep(300);
      assertThat(late).isNotDone();
      other.commit();
    }

    assertThatThrownBy(() -> late.get(30, TimeUnit.SECONDS))
        .hasCauseInstanceOf(ReleaseConflictException.class)
        .cause()
        // found by the parent check, not by a failed write: the wait happened before the read
        .satisfies(conflict -> assertThat(conflict.getCause()).isNull());
    assertThat(new ReleaseCatalog(database).list())
        .extracting(ReleaseRecord::id)
        .containsExactly(one.id());
  }
}
