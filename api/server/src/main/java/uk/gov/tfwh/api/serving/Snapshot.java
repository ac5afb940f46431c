package uk.gov.tfwh.api.serving;

import static java.util.Objects.requireNonNull;

import uk.gov.tfwh.warehouse.query.SnapshotSelector;

/** The one snapshot a response is read from, resolved once per request. */
public record Snapshot(String id, Release release) {
  public Snapshot {
    requireNonNull(id, "id");
    requireNonNull(release, "release");
  }

  /** Whether its figures are not yet published (pages and files mark them so). */
  public boolean preRelease() {
    return release == Release.PRE_RELEASE;
  }

  /** Selects exactly this snapshot, so every query of the request reads it. */
  public SnapshotSelector selector() {
    return SnapshotSelector.byId(id);
  }
}
