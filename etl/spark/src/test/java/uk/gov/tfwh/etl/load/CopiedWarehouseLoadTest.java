package uk.gov.tfwh.etl.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.etl.TestLandings;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogDatabase;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings;
import uk.gov.tfwh.warehouse.iceberg.release.IcebergReleases;
import uk.gov.tfwh.warehouse.iceberg.testing.WarehouseFolders;

/**
 * A load into a copy of a warehouse folder is refused before it writes: Iceberg keeps absolute
 * locations, so the copy's catalog names the original's table files, and writing it would add to
 * them while its retention deleted files the original still reads ({@code TableLocations}).
 */
class CopiedWarehouseLoadTest {
  @TempDir Path temp;

  @Test
  void aLoadIntoACopiedWarehouseFolderExitsOneSayingSoAndBothKeepTheirRelease() throws Exception {
    Path landing = TestLandings.copyExamples(temp.resolve("landing"), "valid-p1-birm");
    Path original = temp.resolve("warehouse");
    IcebergLoadProcess.embedded(landing, original).run(temp.resolve("first.log"));
    Optional<String> release = releases(original).currentId();
    Path copy = WarehouseFolders.copy(original, temp.resolve("copy-of-warehouse"));
    TestLandings.copyExamples(landing, "valid-p2-");

    IcebergLoadProcess.Ended load =
        IcebergLoadProcess.embedded(landing, copy).runToEnd(temp.resolve("copy.log"));

    assertThat(load.code()).as(load.log()).isEqualTo(1);
    assertThat(load.log())
        .contains("tfwh load: failed: ")
        .contains("copied or moved")
        .contains("Nothing was written");
    assertThat(release).isPresent();
    assertThat(releases(copy).currentId()).isEqualTo(release);
    assertThat(releases(original).currentId()).isEqualTo(release);
  }

  private static IcebergReleases releases(Path warehouse) {
    return IcebergReleases.open(CatalogDatabase.of(CatalogSettings.embedded(warehouse)));
  }
}
