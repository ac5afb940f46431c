package uk.gov.tfwh.api.web.page;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import uk.gov.tfwh.api.authority.Authorities;
import uk.gov.tfwh.api.authority.AuthorityReference;
import uk.gov.tfwh.api.period.Periods;
import uk.gov.tfwh.api.period.SnapshotQuarter;
import uk.gov.tfwh.api.serving.SnapshotReads;
import uk.gov.tfwh.api.web.access.PageViewer;
import uk.gov.tfwh.warehouse.query.PinnedSnapshot;
import uk.gov.tfwh.warehouse.query.SnapshotSelector;

/**
 * Where every page starts: the snapshot a viewer is shown, resolved as the API resolves it, and
 * what that snapshot offers to choose from (quarters, regions, types), read through the API's
 * services. Each page then reads its figures through the feature services the API uses.
 */
@Component
public class PageReads {
  private final SnapshotReads reads;
  private final Periods periods;
  private final Authorities authorities;

  public PageReads(SnapshotReads reads, Periods periods, Authorities authorities) {
    this.reads = requireNonNull(reads, "reads");
    this.periods = requireNonNull(periods, "periods");
    this.authorities = requireNonNull(authorities, "authorities");
  }

  /** The snapshot a selector stands for now; every read of the page part then reads it. */
  public PinnedSnapshot resolve(SnapshotSelector selector) {
    return reads.resolve(selector);
  }

  /**
   * The quarters with figures, the regions and the authority types of the snapshot, as {@code
   * viewer} is offered them: the quarters are those with figures the viewer may be told of ({@link
   * PageViewer#quartersOf}: a coordinator reading its own pre-release figures, only its own
   * authority's), so a page neither offers nor defaults to a quarter only others have sent, and
   * {@link Selection} answers a request for one as for a quarter that does not exist.
   */
  public Choices choices(PageViewer viewer, PinnedSnapshot snapshot) {
    List<Period> reported = new ArrayList<>();
    for (SnapshotQuarter quarter : periods.quarters(snapshot, viewer.quartersOf(snapshot))) {
      if (quarter.authoritiesReporting() > 0) {
        reported.add(
            new Period(
                quarter.phase(),
                quarter.periodEnd(),
                quarter.quarterLabel(),
                quarter.financialYear()));
      }
    }
    return Choices.of(reported, authorities(snapshot));
  }

  /** Every authority of the snapshot's reference data. */
  public List<AuthorityReference> authorities(PinnedSnapshot snapshot) {
    return authorities.all(snapshot);
  }
}
