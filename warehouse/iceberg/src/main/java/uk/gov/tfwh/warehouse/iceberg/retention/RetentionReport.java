package uk.gov.tfwh.warehouse.iceberg.retention;

import java.util.List;

/**
 * What one retention run removed.
 *
 * @param releasesDeleted the ids of the releases whose rows were deleted, oldest first
 * @param refsRemoved the tags and branches removed, as {@code namespace.table ref}
 * @param snapshotsExpired the snapshots expired, as {@code namespace.table snapshot-id}
 * @param expiredFiles the files the expiry deleted (data, manifests, manifest lists)
 * @param orphanFiles the files the orphan sweep deleted: under a table's location, reachable from
 *     nothing
 */
public record RetentionReport(
    List<String> releasesDeleted,
    List<String> refsRemoved,
    List<String> snapshotsExpired,
    List<String> expiredFiles,
    List<String> orphanFiles) {

  public RetentionReport {
    releasesDeleted = List.copyOf(releasesDeleted);
    refsRemoved = List.copyOf(refsRemoved);
    snapshotsExpired = List.copyOf(snapshotsExpired);
    expiredFiles = List.copyOf(expiredFiles);
    orphanFiles = List.copyOf(orphanFiles);
  }

  /** Whether the run removed nothing at all (a second run straight after the first). */
  public boolean removedNothing() {
    return releasesDeleted.isEmpty()
        && refsRemoved.isEmpty()
        && snapshotsExpired.isEmpty()
        && expiredFiles.isEmpty()
        && orphanFiles.isEmpty();
  }
}
