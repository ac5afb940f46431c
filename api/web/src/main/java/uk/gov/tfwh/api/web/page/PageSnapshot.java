package uk.gov.tfwh.api.web.page;

import static java.util.Objects.requireNonNull;

import uk.gov.tfwh.api.serving.Release;
import uk.gov.tfwh.api.serving.Snapshot;
import uk.gov.tfwh.warehouse.query.SnapshotSelector;

/**
 * The one snapshot a part of a page is read from, resolved once per request so every figure of it
 * comes from the same load. Pre-release figures are marked on the page: a red "Pre-release" banner
 * at the top and a tag beside each pre-release table.
 */
public record PageSnapshot(Snapshot snapshot) {
  public PageSnapshot {
    requireNonNull(snapshot, "snapshot");
  }

  public String id() {
    return snapshot.id();
  }

  public boolean preRelease() {
    return snapshot.release() == Release.PRE_RELEASE;
  }

  public SnapshotSelector selector() {
    return snapshot.selector();
  }
}
