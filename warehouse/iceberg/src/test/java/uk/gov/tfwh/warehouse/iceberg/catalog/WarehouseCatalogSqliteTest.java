package uk.gov.tfwh.warehouse.iceberg.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/** The embedded catalog: SQLite in the warehouse folder. */
class WarehouseCatalogSqliteTest extends WarehouseCatalogContract {
  @TempDir Path dir;
  private int catalogs;

  @Override
  CatalogSettings newCatalog() {
    return CatalogSettings.embedded(dir.resolve("warehouse-" + ++catalogs));
  }

  @Override
  Map<String, String> environment() {
    return Map.of();
  }

  @Override
  Connection database(CatalogSettings settings) throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + settings.sqliteFile().orElseThrow());
  }

  @Test
  void theCatalogFileIsMadeInANewWarehouseFolderInWriteAheadLogMode() throws SQLException {
    CatalogSettings settings = newCatalog();
    try (WarehouseCatalog opened = WarehouseCatalog.open(settings)) {
      assertThat(opened.created()).isNotEmpty();
    }

    assertThat(settings.sqliteFile().orElseThrow()).isRegularFile();
    try (Connection connection = database(settings);
        Statement statement = connection.createStatement();
        ResultSet mode = statement.executeQuery("PRAGMA journal_mode")) {
      assertThat(mode.next()).isTrue();
      assertThat(mode.getString(1)).isEqualToIgnoringCase("wal");
    }
  }

  @Test
  void aCatalogOpenedOnAnExistingWarehouseSeesAndFollowsAnotherProcesssCommits() {
    CatalogSettings settings = newCatalog();
    try (WarehouseCatalog first = WarehouseCatalog.open(settings)) {
      first.table(WarehouseTable.DIM_PERIOD).newAppend().commit();
    }
    try (WarehouseCatalog reader = WarehouseCatalog.open(settings);
        WarehouseCatalog writer = WarehouseCatalog.open(settings)) {
      long before = reader.table(WarehouseTable.DIM_PERIOD).currentSnapshot().snapshotId();

      writer.table(WarehouseTable.DIM_PERIOD).newAppend().commit();
      long written = writer.table(WarehouseTable.DIM_PERIOD).currentSnapshot().snapshotId();
      // Iceberg 1.10.1 left a metadata result open on each catalog's connection: the reader kept
      // the database as it opened, and its own commit failed with SQLITE_BUSY_SNAPSHOT
      assertThat(reader.table(WarehouseTable.DIM_PERIOD).currentSnapshot().snapshotId())
          .isEqualTo(written)
          .isNotEqualTo(before);
      reader.table(WarehouseTable.DIM_PERIOD).newAppend().commit();
      assertThat(writer.table(WarehouseTable.DIM_PERIOD).currentSnapshot().parentId())
          .isEqualTo(written);
    }
  }
}
