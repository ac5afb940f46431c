package uk.gov.tfwh.api.web.release;

import java.time.Instant;
import java.util.List;

/**
 * What a page says about the figures it shows (issue 19, item 13): which snapshot, when it was
 * loaded and published, what changed since the release before it, and when the figures are next
 * expected to change.
 *
 * @param releasedAt when the snapshot was published; null when it is pre-release
 * @param comparedWith the release the revisions are counted against (the publication before this
 *     one, or for pre-release figures the published ones); null when there is none
 * @param revisions the authorities whose figure for the quarter changed, the first few
 * @param revisedCount how many authorities' figures changed in all
 * @param nextUpdate when the figures are next expected to change, in words
 */
public record ReleaseContext(
    String snapshotId,
    boolean published,
    Instant loadedAt,
    Instant releasedAt,
    String comparedWith,
    List<Revision> revisions,
    int revisedCount,
    String nextUpdate) {

  /** One authority's figure for the quarter, before and now (before null when it is new). */
  public record Revision(String authorityCode, String authorityName, Long before, Long now) {}

  public ReleaseContext {
    revisions = List.copyOf(revisions);
  }
}
