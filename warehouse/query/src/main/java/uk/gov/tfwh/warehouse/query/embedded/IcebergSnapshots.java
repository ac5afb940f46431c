package uk.gov.tfwh.warehouse.query.embedded;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogDatabase;
import uk.gov.tfwh.warehouse.iceberg.catalog.WarehouseCatalog;
import uk.gov.tfwh.warehouse.iceberg.files.ReleaseFiles;
import uk.gov.tfwh.warehouse.iceberg.files.ReleaseFilesException;
import uk.gov.tfwh.warehouse.iceberg.lock.TableLocations;
import uk.gov.tfwh.warehouse.iceberg.release.IcebergReleases;
import uk.gov.tfwh.warehouse.iceberg.release.Release;
import uk.gov.tfwh.warehouse.query.QueryException;
import uk.gov.tfwh.warehouse.query.SnapshotSelector;
import uk.gov.tfwh.warehouse.query.SnapshotUnavailableException;

/**
 * An Iceberg catalog's releases, as snapshots: the current release, the published one or one by id
 * from the release tables, each opened from its tables' planned files. Selectors resolve through
 * {@link IcebergReleases}, so while nothing is committed or published a query's resolution costs
 * one statement, the change token.
 */
record IcebergSnapshots(WarehouseCatalog catalog, IcebergReleases releases)
    implements SnapshotSource {
  IcebergSnapshots {
    requireNonNull(catalog, "catalog");
    requireNonNull(releases, "releases");
  }

  @Override
  public String resolve(SnapshotSelector selector) {
    return selector.select(releases, where());
  }

  @Override
  public Set<String> pointedTo() {
    Set<String> ids = new HashSet<>();
    releases.currentId().ifPresent(ids::add);
    releases.publishedId().ifPresent(ids::add);
    return ids;
  }

  @Override
  public TableSource tables(String id) {
    Release release =
        releases
            .release(id)
            .orElseThrow(
                () ->
                    new SnapshotUnavailableException(
                        "there is no release " + id + " in " + where()));
    try {
      return new IcebergTableSource(ReleaseFiles.plan(catalog, release), where());
    } catch (ReleaseFilesException e) {
      throw new QueryException(
          "cannot open release " + id + " of " + where() + ": " + e.getMessage() + movedHint(), e);
    }
  }

  /**
   * Why a release's files may be missing when the catalog is fine: the warehouse folder was copied
   * or moved, and Iceberg's absolute locations still name the original's files ({@link
   * TableLocations}). Empty when the tables are where the settings say, or when that cannot be
   * told.
   */
  private String movedHint() {
    try {
      List<TableLocations.Elsewhere> elsewhere =
          TableLocations.elsewhere(CatalogDatabase.of(catalog.settings()));
      if (elsewhere.isEmpty()) {
        return "";
      }
      return ". The catalog "
          + TableLocations.describe(elsewhere, catalog.settings().warehouse())
          + ", and its tables are read from the original's path. Serve it from the path it was"
          + " loaded at, or load the landing into a new warehouse folder (docs/runbooks.md)";
    } catch (RuntimeException e) {
      return ""; // the failure above is the one to report
    }
  }

  private String where() {
    return "the catalog " + catalog.settings().name() + " at " + catalog.settings().uri();
  }
}
