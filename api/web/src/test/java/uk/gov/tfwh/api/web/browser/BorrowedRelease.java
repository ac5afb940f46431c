package uk.gov.tfwh.api.web.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.io.CloseableIterable;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogDatabase;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings;
import uk.gov.tfwh.warehouse.iceberg.catalog.WarehouseCatalog;
import uk.gov.tfwh.warehouse.iceberg.release.Release;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseCatalog;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseCommit;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseRecord;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseTable;
import uk.gov.tfwh.warehouse.testing.IcebergFixture;

/**
 * Another Iceberg warehouse's published release made the first release of a new warehouse: each of
 * its warehouse tables' data files added, where they lie, to the new warehouse's table of the same
 * name, and the release recorded with the same id, time and manifest. The files are referenced, not
 * copied or rewritten, so the figures are that release's to the row; the new warehouse must never
 * run retention (it would not own them). What lets the browser tests commit a pre-release on top of
 * the shared seed-1 sample without writing into it: an Iceberg catalog records absolute locations,
 * so a copied folder would still commit into the original.
 */
final class BorrowedRelease {
  private BorrowedRelease() {}

  /** Commits {@code source}'s published release as the first release of {@code target}. */
  static Release commit(CatalogSettings source, IcebergFixture target) {
    try (WarehouseCatalog from = WarehouseCatalog.open(source, Map.of())) {
      Release published =
          new ReleaseCatalog(CatalogDatabase.of(source, Map.of()))
              .published()
              .orElseThrow(() -> new IllegalStateException(source + " has no published release"));
      String namespace = from.namespace().toString();
      List<ReleaseTable> tables = new ArrayList<>();
      for (ReleaseTable table : published.tables()) {
        if (!table.namespace().equals(namespace)) {
          continue; // the load state: the pages never read it
        }
        Table original = from.catalog().loadTable(TableIdentifier.of(namespace, table.name()));
        Table copy =
            target
                .catalog()
                .catalog()
                .loadTable(TableIdentifier.of(target.catalog().namespace(), table.name()));
        if (!copy.schema().sameSchema(original.schema()) || !copy.spec().equals(original.spec())) {
          throw new IllegalStateException(
              table.name() + " differs between the contract and " + source + "; rebuild it");
        }
        Snapshot snapshot = IcebergFixture.replace(copy, files(original, table.snapshotId()));
        tables.add(
            IcebergFixture.releaseTable(target.catalog().namespace().toString(), copy, snapshot));
      }
      ReleaseRecord record = published.record();
      Release release =
          new Release(
              new ReleaseRecord(
                  1,
                  record.id(),
                  Optional.empty(),
                  record.createdAt(),
                  record.referenceVersion(),
                  record.inputsDigest(),
                  record.manifestJson(),
                  record.loadReportJson(),
                  "BorrowedRelease"),
              tables);
      new ReleaseCommit(CatalogDatabase.of(target.catalog().settings(), Map.of())).commit(release);
      target.publish(release.id());
      return release;
    }
  }

  private static List<DataFile> files(Table table, long snapshotId) {
    List<DataFile> files = new ArrayList<>();
    try (CloseableIterable<FileScanTask> tasks =
        table.newScan().useSnapshot(snapshotId).includeColumnStats().planFiles()) {
      for (FileScanTask task : tasks) {
        if (!task.deletes().isEmpty()) {
          throw new IllegalStateException(table.name() + " has delete files; they are not copied");
        }
        files.add(task.file());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }
}
