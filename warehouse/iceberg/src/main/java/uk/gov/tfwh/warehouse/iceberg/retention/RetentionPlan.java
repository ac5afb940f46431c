package uk.gov.tfwh.warehouse.iceberg.retention;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import uk.gov.tfwh.warehouse.iceberg.release.Publication;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseOutline;

/**
 * Which releases retention keeps (docs/design/iceberg.md, section 5.8; the folder store's rule):
 * the newest {@code keep}, the current one (the newest) and every release ever published. The rest
 * are dropped. Both lists are oldest first.
 */
public record RetentionPlan(List<ReleaseOutline> kept, List<ReleaseOutline> dropped) {

  public RetentionPlan {
    kept = List.copyOf(kept);
    dropped = List.copyOf(dropped);
  }

  /**
   * The plan for these releases and publications.
   *
   * @param keep how many of the newest releases to keep, 1 or more
   */
  public static RetentionPlan of(
      List<ReleaseOutline> releases, List<Publication> publications, int keep) {
    if (keep < 1) {
      throw new IllegalArgumentException("keep at least one release, not " + keep);
    }
    List<ReleaseOutline> oldestFirst =
        releases.stream().sorted(Comparator.comparingLong(ReleaseOutline::seq)).toList();
    Set<Long> published =
        publications.stream().map(Publication::releaseSeq).collect(Collectors.toSet());
    int newest = Math.max(0, oldestFirst.size() - keep);
    List<ReleaseOutline> kept = new ArrayList<>();
    List<ReleaseOutline> dropped = new ArrayList<>();
    for (int i = 0; i < oldestFirst.size(); i++) {
      ReleaseOutline release = oldestFirst.get(i);
      if (i >= newest || published.contains(release.seq())) {
        kept.add(release);
      } else {
        dropped.add(release);
      }
    }
    return new RetentionPlan(kept, dropped);
  }

  /** The ids of the releases kept. */
  public Set<String> keptIds() {
    return kept.stream().map(ReleaseOutline::id).collect(Collectors.toUnmodifiableSet());
  }
}
