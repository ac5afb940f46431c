package uk.gov.tfwh.exports.source;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Instant;
import uk.gov.tfwh.warehouse.query.PinnedSnapshot;
import uk.gov.tfwh.warehouse.release.WarehouseReleases;
import uk.gov.tfwh.warehouse.snapshot.SnapshotManifest;

/**
 * Where an export's figures came from: the one snapshot every figure in it was read from (pinned
 * before the first query, so a publication mid-export cannot mix two), whether that snapshot had
 * been released to the public, and when the export was made. Shown on every export (the Notes
 * sheet, the briefing's provenance section) so a figure can be traced back.
 */
public record Provenance(
    PinnedSnapshot snapshot,
    Instant snapshotCreatedAt,
    String referenceVersion,
    Instant generatedAt) {

  public Provenance {
    requireNonNull(snapshot, "snapshot");
    requireNonNull(snapshotCreatedAt, "snapshotCreatedAt");
    requireNonNull(referenceVersion, "referenceVersion");
    requireNonNull(generatedAt, "generatedAt");
  }

  /** The pinned snapshot's provenance from its manifest, generated now. */
  public static Provenance of(PinnedSnapshot snapshot, WarehouseReleases releases, Clock clock) {
    SnapshotManifest manifest = releases.manifest(snapshot.id());
    return new Provenance(
        snapshot, manifest.createdAt(), manifest.referenceVersion(), clock.instant());
  }

  public String snapshotId() {
    return snapshot.id();
  }

  public boolean published() {
    return snapshot.published();
  }

  /** The data's status in words, as titles and notes show it. */
  public String status() {
    return published() ? "Published" : "Pre-release (not yet published)";
  }
}
