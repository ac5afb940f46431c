package uk.gov.tfwh.warehouse.iceberg.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DeleteFile;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.FileMetadata;
import org.apache.iceberg.Table;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings;
import uk.gov.tfwh.warehouse.iceberg.catalog.WarehouseCatalog;
import uk.gov.tfwh.warehouse.iceberg.files.ReleaseFiles.PlannedFile;
import uk.gov.tfwh.warehouse.iceberg.files.ReleaseFiles.PlannedTable;
import uk.gov.tfwh.warehouse.iceberg.release.Release;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseRecord;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseTable;
import uk.gov.tfwh.warehouse.iceberg.testing.DataFileStubs;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/**
 * Planning a release's files from the tables' metadata (the files themselves are stubs: planning
 * never opens them).
 */
class ReleaseFilesTest {
  @TempDir Path dir;
  private WarehouseCatalog catalog;

  @BeforeEach
  void open() {
    catalog = WarehouseCatalog.open(CatalogSettings.embedded(dir));
  }

  @AfterEach
  void close() {
    catalog.close();
  }

  @Test
  void aTableIsPlannedAtTheReleasesSnapshotNotAtItsMainBranch() {
    Table claims = catalog.table(WarehouseTable.FACT_CLAIM);
    claims
        .newAppend()
        .appendFile(DataFileStubs.dataFile(claims, "period_end=2013-06-30", "a", 10))
        .appendFile(DataFileStubs.dataFile(claims, "period_end=2013-09-30", "b", 20))
        .commit();
    long first = claims.currentSnapshot().snapshotId();
    claims
        .newAppend()
        .appendFile(DataFileStubs.dataFile(claims, "period_end=2013-12-31", "c", 30))
        .commit();

    PlannedTable planned = ReleaseFiles.plan(claims, first);

    Path data = Path.of(claims.location().substring("file:".length()), "data");
    assertThat(planned.snapshotId()).isEqualTo(first);
    assertThat(planned.files())
        .containsExactly(
            new PlannedFile(data.resolve("period_end=2013-06-30/a.parquet"), 1034),
            new PlannedFile(data.resolve("period_end=2013-09-30/b.parquet"), 1044));
    assertThat(planned.bytes()).isEqualTo(2078);
    assertThat(planned.schema().findField("period_end").fieldId())
        .isEqualTo(claims.schema().findField("period_end").fieldId());
  }

  @Test
  void aSnapshotFromBeforeARenameKeepsItsOwnSchema() {
    Table authorities = catalog.table(WarehouseTable.DIM_AUTHORITY);
    authorities.newAppend().appendFile(DataFileStubs.dataFile(authorities, "", "a", 8)).commit();
    long before = authorities.currentSnapshot().snapshotId();
    int id = authorities.schema().findField("authority_name").fieldId();
    authorities.updateSchema().renameColumn("authority_name", "name").commit();
    authorities.updateSchema().addColumn("ons_name", Types.StringType.get()).commit();
    authorities.newAppend().appendFile(DataFileStubs.dataFile(authorities, "", "b", 8)).commit();
    long after = authorities.currentSnapshot().snapshotId();

    PlannedTable old = ReleaseFiles.plan(authorities, before);
    PlannedTable now = ReleaseFiles.plan(authorities, after);

    assertThat(old.schema().findField(id).name()).isEqualTo("authority_name");
    assertThat(old.schema().findField("ons_name")).isNull();
    assertThat(now.schema().findField(id).name()).isEqualTo("name");
    assertThat(now.schema().findField("ons_name")).isNotNull();
    assertThat(old.files()).hasSize(1);
    assertThat(now.files()).hasSize(2);
  }

  @Test
  void aSnapshotWithoutFilesPlansNoFiles() {
    Table claims = catalog.table(WarehouseTable.FACT_CLAIM);
    claims.newAppend().commit();

    PlannedTable planned = ReleaseFiles.plan(claims, claims.currentSnapshot().snapshotId());

    assertThat(planned.files()).isEmpty();
    assertThat(planned.bytes()).isZero();
  }

  @Test
  void aFileOnObjectStorageIsRefusedInAWarehouseOnThisMachine() {
    Table authorities = catalog.table(WarehouseTable.DIM_AUTHORITY);
    DataFile remote =
        DataFileStubs.at(authorities, "s3://tfwh/warehouse/dim_authority/data/a.parquet", 8);
    authorities.newAppend().appendFile(remote).commit();

    assertThatThrownBy(
            () -> ReleaseFiles.plan(authorities, authorities.currentSnapshot().snapshotId()))
        .isInstanceOf(ReleaseFilesException.class)
        .hasMessageContaining("s3://tfwh/warehouse/dim_authority/data/a.parquet")
        .hasMessageContaining("not a file: location");
  }

  @Test
  void aDataFileWithDeletesIsRefused() {
    Table authorities = catalog.table(WarehouseTable.DIM_AUTHORITY);
    authorities.newAppend().appendFile(DataFileStubs.dataFile(authorities, "", "a", 8)).commit();
    DeleteFile deletes =
        FileMetadata.deleteFileBuilder(authorities.spec())
            .ofPositionDeletes()
            .withPath(authorities.location() + "/data/a-deletes.parquet")
            .withFormat(FileFormat.PARQUET)
            .withFileSizeInBytes(50)
            .withRecordCount(1)
            .build();
    authorities.newRowDelta().addDeletes(deletes).commit();

    assertThatThrownBy(
            () -> ReleaseFiles.plan(authorities, authorities.currentSnapshot().snapshotId()))
        .isInstanceOf(ReleaseFilesException.class)
        .hasMessageContaining("a-deletes.parquet")
        .hasMessageContaining("POSITION_DELETES")
        .hasMessageContaining("never writes delete files");
  }

  @Test
  void aMissingSnapshotIsRefused() {
    Table authorities = catalog.table(WarehouseTable.DIM_AUTHORITY);

    assertThatThrownBy(() -> ReleaseFiles.plan(authorities, 42L))
        .isInstanceOf(ReleaseFilesException.class)
        .hasMessageContaining("no snapshot 42");
  }

  @Test
  void aReleaseIsPlannedTableByTableAndMustNameEveryContractTable() {
    List<ReleaseTable> tables = new ArrayList<>();
    for (WarehouseTable contract : WarehouseTable.values()) {
      Table table = catalog.table(contract);
      if (contract == WarehouseTable.DIM_PERIOD) {
        table.newAppend().appendFile(DataFileStubs.dataFile(table, "", "p", 5)).commit();
      } else {
        table.newAppend().commit();
      }
      tables.add(
          new ReleaseTable(
              "warehouse",
              contract.tableName(),
              table.currentSnapshot().snapshotId(),
              table.currentSnapshot().schemaId(),
              0,
              0));
    }

    ReleaseFiles planned = ReleaseFiles.plan(catalog, release(tables));

    assertThat(planned.releaseId()).isEqualTo("20261205T210000123Z-abcdef12");
    assertThat(planned.tables().keySet()).containsExactly(WarehouseTable.values());
    assertThat(planned.table(WarehouseTable.DIM_PERIOD).files()).hasSize(1);
    assertThat(planned.table(WarehouseTable.FACT_CLAIM).files()).isEmpty();
    tables.remove(0);
    assertThatThrownBy(() -> ReleaseFiles.plan(catalog, release(tables)))
        .isInstanceOf(ReleaseFilesException.class)
        .hasMessageContaining("names no table warehouse.dim_authority");
  }

  private static Release release(List<ReleaseTable> tables) {
    return new Release(
        new ReleaseRecord(
            1,
            "20261205T210000123Z-abcdef12",
            Optional.empty(),
            Instant.parse("2026-12-05T21:00:00.123Z"),
            "reference-1",
            "abcdef12",
            "{}",
            "{}",
            "test"),
        tables);
  }
}
