package uk.gov.tfwh.api.web.release;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;
import uk.gov.tfwh.api.leaguetable.LeagueTables;
import uk.gov.tfwh.api.submission.SubmissionDesk;
import uk.gov.tfwh.api.web.page.PageReads;
import uk.gov.tfwh.api.web.page.Period;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;
import uk.gov.tfwh.programme.reference.SubmissionWindow;
import uk.gov.tfwh.warehouse.query.PinnedSnapshot;
import uk.gov.tfwh.warehouse.query.SnapshotSelector;
import uk.gov.tfwh.warehouse.query.league.LeagueTableRow;
import uk.gov.tfwh.warehouse.release.WarehouseReleases;

/** Works out a page's {@link ReleaseContext} from the warehouse's manifests and publication log. */
@Component
public class ReleaseContexts {
  /** How many revised authorities a page names; the rest are counted. */
  static final int NAMED = 10;

  private final PageReads figures;
  private final LeagueTables leagueTables;
  private final WarehouseReleases releases;
  private final SubmissionDesk desk;

  public ReleaseContexts(
      PageReads figures,
      LeagueTables leagueTables,
      WarehouseReleases releases,
      SubmissionDesk desk) {
    this.figures = requireNonNull(figures, "figures");
    this.leagueTables = requireNonNull(leagueTables, "leagueTables");
    this.releases = requireNonNull(releases, "releases");
    this.desk = requireNonNull(desk, "desk");
  }

  /**
   * The context of a page showing {@code snapshot} for a phase and quarter.
   *
   * @param latest the latest quarter of the phase with figures in the snapshot
   */
  public ReleaseContext of(PinnedSnapshot snapshot, Period period, Period latest) {
    return of(snapshot, period, latest, null);
  }

  /**
   * As {@link #of(PinnedSnapshot, Period, Period)} for a page about one authority. When the
   * snapshot is that authority's pre-release read by its own coordinator ({@link
   * PinnedSnapshot#ranksWithheld()}), the revisions name that authority only: the others'
   * pre-release figures are not theirs to see, nor which of them changed.
   */
  public ReleaseContext of(
      PinnedSnapshot snapshot, Period period, Period latest, String authority) {
    String id = snapshot.id();
    List<WarehouseReleases.Publication> publications = releases.publications();
    WarehouseReleases.Publication released = null;
    String before = null;
    for (WarehouseReleases.Publication publication : publications) {
      if (publication.snapshotId().equals(id)) {
        released = publication;
        break;
      }
      before = publication.snapshotId();
    }
    String comparedWith = snapshot.preRelease() ? releases.publishedId().orElse(null) : before;
    if (comparedWith != null && comparedWith.equals(id)) {
      comparedWith = null;
    }
    List<ReleaseContext.Revision> revised = new ArrayList<>();
    if (comparedWith != null && releases.isCommitted(comparedWith)) {
      revised = revisions(snapshot, comparedWith, period);
      if (snapshot.ranksWithheld()) {
        revised = revised.stream().filter(r -> r.authorityCode().equals(authority)).toList();
      }
    } else {
      comparedWith = null;
    }
    return new ReleaseContext(
        id,
        !snapshot.preRelease(),
        releases.manifest(id).createdAt(),
        released == null ? null : released.at(),
        comparedWith,
        revised.subList(0, Math.min(NAMED, revised.size())),
        revised.size(),
        nextUpdate(latest));
  }

  private List<ReleaseContext.Revision> revisions(
      PinnedSnapshot now, String before, Period period) {
    Phase phase = period.programmePhase();
    Quarter quarter = period.quarter();
    List<LeagueTableRow> current = leagueTables.rows(now, phase, quarter, null, null);
    List<LeagueTableRow> earlier =
        leagueTables.rows(
            figures.resolve(SnapshotSelector.byId(before)), phase, quarter, null, null);
    Map<String, Long> was = new HashMap<>();
    for (LeagueTableRow row : earlier) {
      was.put(row.authorityCode(), row.turnedAround());
    }
    List<ReleaseContext.Revision> revisions = new ArrayList<>();
    for (LeagueTableRow row : current) {
      String code = row.authorityCode();
      Long figure = row.turnedAround();
      if (!was.containsKey(code) || !Objects.equals(was.get(code), figure)) {
        revisions.add(
            new ReleaseContext.Revision(code, row.authorityName(), was.get(code), figure));
      }
    }
    return revisions;
  }

  private String nextUpdate(Period latest) {
    if (latest == null) {
      return "When the first returns are loaded.";
    }
    Phase phase = Phase.ofNumber(latest.phase());
    Quarter next = Quarter.endingOn(latest.end()).next();
    if (!phase.covers(next)) {
      return "Phase "
          + phase.number()
          + " has no quarter after "
          + latest.label()
          + ": these figures change only if an authority revises a return.";
    }
    Optional<String> deadline =
        desk.isOpen()
            ? desk.submissions()
                .windows()
                .window(phase, next, java.time.LocalDate.now(SubmissionWindow.ENGLAND))
                .map(
                    w ->
                        w.deadline()
                            .format(
                                java.time.format.DateTimeFormatter.ofPattern(
                                    "d MMMM yyyy", java.util.Locale.UK)))
            : Optional.empty();
    return "After the returns for "
        + next.label()
        + " are in"
        + deadline.map(d -> " (due by " + d + ")").orElse("")
        + " and loaded and published.";
  }
}
