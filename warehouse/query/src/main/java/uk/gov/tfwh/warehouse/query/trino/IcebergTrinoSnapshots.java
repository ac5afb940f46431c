package uk.gov.tfwh.warehouse.query.trino;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseCatalog;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseOutline;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseTable;
import uk.gov.tfwh.warehouse.query.SnapshotSelector;

/**
 * An Iceberg catalog's releases on Trino: the release's outline resolved from the release tables on
 * every query (its tables' snapshots, not its manifest and report), and the SQL pinned to the
 * release's snapshot of each table it reads ({@link PinnedSql}). Nothing is registered: Trino's
 * Iceberg catalog reads the same JDBC catalog, and a connection without a default schema makes a
 * table the release does not pin an error rather than a read of the table's latest state.
 */
final class IcebergTrinoSnapshots implements TrinoSnapshots {
  private final ReleaseCatalog releases;
  private final CatalogSettings settings;

  IcebergTrinoSnapshots(ReleaseCatalog releases, CatalogSettings settings) {
    this.releases = requireNonNull(releases, "releases");
    this.settings = requireNonNull(settings, "settings");
  }

  @Override
  public PinnedQuery pin(SnapshotSelector selector, String sql) {
    ReleaseOutline release =
        selector.select(releases, "the catalog " + settings.name() + " at " + settings.uri());
    return new PinnedQuery(release.id(), pinned(release).pin(sql));
  }

  /** The release's warehouse tables at their snapshots, in Trino's catalog of the warehouse. */
  PinnedSql pinned(ReleaseOutline release) {
    Map<String, Long> snapshots = new LinkedHashMap<>();
    for (ReleaseTable table : release.tables()) {
      if (table.namespace().equals(settings.namespace())) {
        snapshots.put(table.name(), table.snapshotId());
      }
    }
    return new PinnedSql(
        new TrinoCatalogProperties(settings).catalogName(), settings.namespace(), snapshots);
  }
}
