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
}
