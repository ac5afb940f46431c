package uk.gov.tfwh.export.source;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * Where an export's figures came from: the one snapshot every figure in it was read from, whether
 * that snapshot had been released to the public, and when the export was made. Shown on every
 * export (the Notes sheet, the briefing's provenance section) so a figure can be traced back.
 */
public record Provenance(
    String snapshotId,
    Instant snapshotCreatedAt,
    String referenceVersion,
    boolean published,
    Instant generatedAt) {

  public Provenance {
    requireNonNull(snapshotId, "snapshotId");
    requireNonNull(snapshotCreatedAt, "snapshotCreatedAt");
    requireNonNull(referenceVersion, "referenceVersion");
    requireNonNull(generatedAt, "generatedAt");
  }

  /** The data's status in words, as titles and notes show it. */
  public String status() {
    return published ? "Published" : "Pre-release (not yet published)";
  }
}
