package uk.gov.tfwh.etl.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.etl.TestLandings;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogDatabase;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings;
import uk.gov.tfwh.warehouse.iceberg.catalog.WarehouseCatalog;
import uk.gov.tfwh.warehouse.iceberg.release.Release;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseCatalog;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseTable;
import uk.gov.tfwh.warehouse.iceberg.testing.PostgresCatalogFile;

/**
 * {@code tfwh load --catalog FILE} into a PostgreSQL catalog (a real server on loopback), the
 * password only in the environment the settings file names: one release whose every table reads its
 * recorded rows at its snapshot, tagged and on {@code main}; the same files again make none.
 */
class IcebergPostgresLoadTest {
  @TempDir Path temp;

  @Test
  void aLoadIntoAPostgresCatalogCommitsOneWholeRelease() throws Exception {
    Path warehouse = temp.resolve("warehouse");
    PostgresCatalogFile settingsFile =
        PostgresCatalogFile.write(
            temp.resolve("catalog.properties"), temp.resolve("tables"), Map.of());
    assertThat(Files.readString(settingsFile.file()))
        .as("the password only in the environment")
        .doesNotContain(settingsFile.environment().get(settingsFile.passwordEnv()));
    Path landing = TestLandings.copyExamples(temp.resolve("landing"), "valid-", "bad-claims");

    String first =
        IcebergLoadProcess.into(landing, warehouse, settingsFile).run(temp.resolve("first.log"));
    assertThat(first).contains("committed (pre-release)");

    Map<String, String> environment = settingsFile.environment();
    CatalogSettings settings = settingsFile.settings(warehouse);
    ReleaseCatalog releases = new ReleaseCatalog(CatalogDatabase.of(settings, environment));
    assertThat(releases.list()).hasSize(1);
    Release release = releases.current().orElseThrow();
    try (WarehouseCatalog catalog = WarehouseCatalog.open(settings, environment)) {
      for (ReleaseTable table : release.tables()) {
        // The warehouse's tables and the load state's (tfwh_state), all of one release.
        Table iceberg =
            catalog.catalog().loadTable(TableIdentifier.of(table.namespace(), table.name()));
        assertThat(iceberg.snapshot(table.snapshotId()).summary().get("total-records"))
            .as(table.name())
            .isEqualTo(String.valueOf(table.rowCount()));
        assertThat(iceberg.refs().get("r_" + release.id()).snapshotId())
            .isEqualTo(table.snapshotId());
        assertThat(iceberg.currentSnapshot().snapshotId()).isEqualTo(table.snapshotId());
      }
    }
    assertThat(release.table("warehouse", "fact_return").orElseThrow().rowCount()).isPositive();
    assertThat(release.table("tfwh_state", "return_read").orElseThrow().rowCount()).isPositive();
  }
}
