package uk.gov.tfwh.warehouse.iceberg.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogDatabase;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings;
import uk.gov.tfwh.warehouse.iceberg.catalog.WarehouseCatalog;
import uk.gov.tfwh.warehouse.iceberg.testing.WarehouseFolders;

/**
 * A writer refuses a catalog whose tables are outside its warehouse: a warehouse folder copied or
 * moved still names the original's table files (Iceberg keeps absolute locations), and writing it
 * would change and delete the original's files.
 */
class TableLocationsTest {
  @TempDir Path root;
  private Path original;

  @BeforeEach
  void anEmbeddedWarehouseWithItsTables() {
    original = root.resolve("original");
    WarehouseCatalog.open(CatalogSettings.embedded(original)).close();
  }

  @Test
  void theOriginalIsWrittenAsBefore() {
    assertThat(TableLocations.elsewhere(database(original))).isEmpty();
    try (WriterLock lock = WriterLocks.acquire(database(original), original, "load")) {
      assertThat(lock.holder()).contains("load");
    }
  }

  @Test
  void aCopyOfTheFolderIsRefusedToEveryWriterNamingTheOriginalsTablesAndTheLockIsLetGo()
      throws IOException {
    Path copy = WarehouseFolders.copy(original, root.resolve("copy"));
    for (String purpose : List.of("load", "publish", "migrate")) {
      assertThatThrownBy(() -> WriterLocks.acquire(database(copy), copy, purpose))
          .isInstanceOf(TablesElsewhereException.class)
          .hasMessageContaining("copied or moved")
          .hasMessageContaining("file:" + original.resolve(CatalogSettings.TABLES_FOLDER))
          .hasMessageContaining("Nothing was written");
    }
    assertThat(TableLocations.elsewhere(database(copy)))
        .as("every table of both namespaces, all in the original's folder")
        .hasSizeGreaterThanOrEqualTo(13)
        .allSatisfy(t -> assertThat(t.metadataLocation()).startsWith("file:" + original));
    // The refusal let the copy's file lock go: the lock alone can be taken again at once.
    try (WriterLock lock = FileWriterLock.acquire("tfwh", copy, "load")) {
      assertThat(lock.holder()).contains("load");
    }
  }

  @Test
  void aMovedFolderIsRefusedToo() throws IOException {
    Path moved = root.resolve("moved");
    Files.move(original, moved);
    assertThatThrownBy(() -> WriterLocks.acquire(database(moved), moved, "load"))
        .isInstanceOf(TablesElsewhereException.class)
        .hasMessageContaining("file:" + original.resolve(CatalogSettings.TABLES_FOLDER));
  }

  @Test
  void aLinkToTheWarehouseOrOnItsPathNamesTheSameFolderAndIsWritten() throws IOException {
    Path link = Files.createSymbolicLink(root.resolve("link"), original);
    Path disks = Files.createSymbolicLink(root.resolve("disks"), root);
    for (Path sameFolder : List.of(link, disks.resolve("original"))) {
      assertThat(TableLocations.elsewhere(database(sameFolder)))
          .as(sameFolder.toString())
          .isEmpty();
      try (WriterLock lock = WriterLocks.acquire(database(sameFolder), sameFolder, "load")) {
        assertThat(lock.holder()).contains("load");
      }
    }
    Path copy = WarehouseFolders.copy(original, root.resolve("copy"));
    Path linkToCopy = Files.createSymbolicLink(root.resolve("link-to-copy"), copy);
    assertThatThrownBy(() -> WriterLocks.acquire(database(linkToCopy), linkToCopy, "load"))
        .as("a link to a copy is the copy")
        .isInstanceOf(TablesElsewhereException.class)
        .hasMessageContaining("file:" + original.resolve(CatalogSettings.TABLES_FOLDER));
  }

  @Test
  void tablesMadeThroughALinkAreHomeToTheFolderItLeadsToNowAndNotToItsOldTarget()
      throws IOException {
    Path disk1 = Files.createDirectories(root.resolve("disk1"));
    Path data = Files.createSymbolicLink(root.resolve("data"), disk1);
    WarehouseCatalog.open(CatalogSettings.embedded(data.resolve("wh"))).close();
    assertThat(TableLocations.elsewhere(database(disk1.resolve("wh"))))
        .as("the folder the tables were made in, by its own name")
        .isEmpty();

    // The operator copies the warehouse to another disk and points the link at the copy: the
    // tables' names now lead to the copy's files, so the copy is home and the old disk is not.
    Path disk2 = Files.createDirectories(root.resolve("disk2"));
    WarehouseFolders.copy(disk1.resolve("wh"), disk2.resolve("wh"));
    Files.delete(data);
    Files.createSymbolicLink(data, disk2);
    assertThat(TableLocations.elsewhere(database(disk2.resolve("wh")))).isEmpty();
    assertThat(TableLocations.elsewhere(database(disk1.resolve("wh"))))
        .hasSizeGreaterThanOrEqualTo(13)
        .allSatisfy(t -> assertThat(t.metadataLocation()).startsWith("file:" + data));
  }

  @Test
  void anotherSpellingOfAFileLocationInTheWarehouseIsHome() throws SQLException {
    Path tables = original.resolve(CatalogSettings.TABLES_FOLDER);
    List<String> spellings =
        List.of(
            "file://" + tables + "/warehouse/a/metadata/v1.metadata.json",
            "file://localhost" + tables + "/warehouse/b/metadata/v1.metadata.json",
            "file:"
                + root
                + "/./original/"
                + CatalogSettings.TABLES_FOLDER
                + "/warehouse/c/x.json");
    try (Connection connection = database(original).connect();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO iceberg_tables (catalog_name, table_namespace, table_name,"
                    + " metadata_location, iceberg_type) VALUES ('tfwh', ?, ?, ?, ?)")) {
      for (int i = 0; i < spellings.size(); i++) {
        row(insert, "warehouse", "spelt_" + i, spellings.get(i), "TABLE");
      }
    }
    assertThat(TableLocations.elsewhere(database(original))).isEmpty();
  }

  @Test
  void aNewWarehouseHasNoTablesAndNoDatabaseIsMadeToSaySo() {
    Path fresh = root.resolve("fresh");
    assertThat(TableLocations.elsewhere(database(fresh))).isEmpty();
    assertThat(fresh.resolve(CatalogSettings.SQLITE_FILE)).doesNotExist();
  }

  @Test
  void tablesOfOtherNamespacesAndViewsAreNotOursToJudge() throws SQLException {
    CatalogDatabase database = database(original);
    try (Connection connection = database.connect();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO iceberg_tables (catalog_name, table_namespace, table_name,"
                    + " metadata_location, iceberg_type) VALUES ('tfwh', ?, ?, ?, ?)")) {
      row(
          insert,
          "analysts",
          "their_table",
          "file:/elsewhere/their_table/v1.metadata.json",
          "TABLE");
      row(insert, "warehouse", "a_view", "file:/elsewhere/a_view/v1.metadata.json", "VIEW");
    }
    assertThat(TableLocations.elsewhere(database)).isEmpty();
    try (Connection connection = database.connect();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO iceberg_tables (catalog_name, table_namespace, table_name,"
                    + " metadata_location, iceberg_type) VALUES ('tfwh', ?, ?, ?, ?)")) {
      row(insert, "tfwh_state", "stray", "file:/elsewhere/stray/v1.metadata.json", null);
    }
    assertThat(TableLocations.elsewhere(database))
        .containsExactly(
            new TableLocations.Elsewhere(
                "tfwh_state.stray", "file:/elsewhere/stray/v1.metadata.json"));
  }

  @Test
  void aFolderWhoseNameOnlyStartsLikeTheWarehousesIsElsewhere() throws SQLException {
    String lookalike =
        "file:" + original.resolve(CatalogSettings.TABLES_FOLDER) + "-old/x/v1.metadata.json";
    try (Connection connection = database(original).connect();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO iceberg_tables (catalog_name, table_namespace, table_name,"
                    + " metadata_location, iceberg_type) VALUES ('tfwh', ?, ?, ?, ?)")) {
      row(insert, "warehouse", "lookalike", lookalike, "TABLE");
    }
    assertThat(TableLocations.elsewhere(database(original)))
        .containsExactly(new TableLocations.Elsewhere("warehouse.lookalike", lookalike));
  }

  private static void row(
      PreparedStatement insert, String namespace, String table, String location, String type)
      throws SQLException {
    insert.setString(1, namespace);
    insert.setString(2, table);
    insert.setString(3, location);
    insert.setString(4, type);
    insert.executeUpdate();
  }

  private static CatalogDatabase database(Path warehouse) {
    return CatalogDatabase.of(CatalogSettings.embedded(warehouse));
  }
}
