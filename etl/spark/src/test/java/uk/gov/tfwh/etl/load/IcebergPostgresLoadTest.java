package uk.gov.tfwh.etl.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.etl.LoadProcess;
import uk.gov.tfwh.etl.TestLandings;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogDatabase;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings;
import uk.gov.tfwh.warehouse.iceberg.catalog.WarehouseCatalog;
import uk.gov.tfwh.warehouse.iceberg.release.Release;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseCatalog;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseTable;
import uk.gov.tfwh.warehouse.iceberg.testing.LocalPostgres;

/**
 * {@code tfwh load --catalog FILE} into a PostgreSQL catalog (a real server on loopback), the
 * password only in the environment the settings file names: one release whose every table reads its
 * recorded rows at its snapshot, tagged and on {@code main}; the same files again make none.
 */
class IcebergPostgresLoadTest {
  private static final String PASSWORD_VARIABLE = "TFWH_TEST_CATALOG_PASSWORD";

  @TempDir Path temp;

  @Test
  void aLoadIntoAPostgresCatalogCommitsOneWholeRelease() throws Exception {
    LocalPostgres postgres = LocalPostgres.shared();
    String database = postgres.createDatabase("load");
    Path warehouse = temp.resolve("warehouse");
    Path settingsFile = temp.resolve("catalog.properties");
    Files.writeString(
        settingsFile,
        String.join(
            "\n",
            CatalogSettings.URI + "=" + postgres.jdbcUrl(database),
            CatalogSettings.USER + "=" + postgres.user(),
            CatalogSettings.PASSWORD_ENV + "=" + PASSWORD_VARIABLE,
            CatalogSettings.WAREHOUSE + "=file:" + temp.resolve("tables"),
            ""));
    Path landing = TestLandings.copyExamples(temp.resolve("landing"), "valid-", "bad-claims");

    String first = load(postgres, landing, warehouse, settingsFile, "first.log");
    assertThat(first).contains("committed (pre-release)");

    Map<String, String> environment = Map.of(PASSWORD_VARIABLE, postgres.password());
    CatalogSettings settings = CatalogSettings.read(settingsFile, warehouse);
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

  private String load(
      LocalPostgres postgres, Path landing, Path warehouse, Path settings, String logName)
      throws Exception {
    Path log = temp.resolve(logName);
    ProcessBuilder load =
        LoadProcess.java(
            "uk.gov.tfwh.etl.LoadCommand",
            List.of(),
            List.of(
                "--landing",
                landing.toString(),
                "--warehouse",
                warehouse.toString(),
                "--reference",
                TestLandings.reference().toString(),
                "--catalog",
                settings.toString()),
            log);
    load.environment().put(PASSWORD_VARIABLE, postgres.password());
    Process process = load.start();
    assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
    String out = Files.readString(log);
    assertThat(process.exitValue()).as(out).isZero();
    return out;
  }
}
