package uk.gov.tfwh.warehouse.query.embedded;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogDatabase;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings;
import uk.gov.tfwh.warehouse.iceberg.catalog.WarehouseCatalog;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseCatalog;
import uk.gov.tfwh.warehouse.query.Query;
import uk.gov.tfwh.warehouse.query.QueryEngineConfig;
import uk.gov.tfwh.warehouse.query.QueryException;
import uk.gov.tfwh.warehouse.query.SnapshotSelector;
import uk.gov.tfwh.warehouse.testing.IcebergFixture;

/**
 * A warehouse folder moved after its loads still names its tables at the old path (Iceberg keeps
 * absolute locations), so the engine cannot open a release there: the failure says that the folder
 * was moved and what to do, not only which file is missing. A release whose files are missing in a
 * folder that was not moved fails without that hint.
 */
class MovedWarehouseQueriesTest {
  private static final String RELEASE = "20260101T000000000Z-fixture";

  @TempDir Path temp;

  @Test
  void aQueryOnAMovedWarehouseSaysTheFolderWasMoved() throws IOException {
    Path loaded = temp.resolve("loaded");
    try (IcebergFixture fixture = IcebergFixture.open(loaded)) {
      fixture.commit(RELEASE, 0);
    }
    Path moved = Files.move(loaded, temp.resolve("moved"));

    assertThatThrownBy(() -> tableRows(moved))
        .isInstanceOf(QueryException.class)
        .hasMessageContaining("cannot open release " + RELEASE)
        .hasMessageContaining("no file at file:" + loaded + "/tables/")
        .hasMessageContaining("outside this warehouse (file:" + moved + "/tables)")
        .hasMessageContaining("the warehouse folder was copied or moved")
        .hasMessageContaining("Serve it from the path it was loaded at");
  }

  @Test
  void filesMissingWhereTheWarehouseWasLoadedFailWithoutTheMovedHint() throws IOException {
    Path loaded = temp.resolve("loaded");
    try (IcebergFixture fixture = IcebergFixture.open(loaded)) {
      fixture.commit(RELEASE, 0);
    }
    // Every metadata file of one table gone: the release cannot be planned, but nothing moved.
    List<Path> metadata;
    try (Stream<Path> files = Files.walk(loaded)) {
      metadata =
          files
              .filter(f -> f.toString().contains("fact_claim") && f.toString().contains("metadata"))
              .filter(Files::isRegularFile)
              .toList();
    }
    for (Path file : metadata) {
      Files.delete(file);
    }

    assertThatThrownBy(() -> tableRows(loaded))
        .isInstanceOf(QueryException.class)
        .hasMessageContaining("cannot open release " + RELEASE)
        .hasMessageNotContaining("copied or moved");
  }

  private static void tableRows(Path warehouse) {
    CatalogSettings settings = CatalogSettings.embedded(warehouse);
    try (WarehouseCatalog catalog = WarehouseCatalog.open(settings);
        EmbeddedQueries queries =
            EmbeddedQueries.overIceberg(
                catalog,
                new ReleaseCatalog(CatalogDatabase.of(settings)),
                QueryEngineConfig.defaults())) {
      queries.run(SnapshotSelector.current(), Query.TABLE_ROWS, Map.of());
    }
  }
}
