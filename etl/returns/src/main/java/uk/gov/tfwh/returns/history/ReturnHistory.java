package uk.gov.tfwh.returns.history;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import uk.gov.tfwh.programme.outcome.ClaimResult;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;
import uk.gov.tfwh.returns.check.PhaseRules;
import uk.gov.tfwh.returns.check.Template;
import uk.gov.tfwh.returns.model.Finding;
import uk.gov.tfwh.returns.model.ReturnSummary;
import uk.gov.tfwh.returns.rules.Location;
import uk.gov.tfwh.returns.rules.Rule;

/**
 * The rules over all accepted returns of one authority and phase: which version of each quarter is
 * current, resubmissions, and how the figures move from quarter to quarter.
 *
 * <ul>
 *   <li>Versions are taken in arrival order: by batch, then submitted_at, then return id. For each
 *       quarter the version with the later submitted_at is current and supersedes the one before
 *       (which stays as history). A version arriving in a later batch with a submitted_at no later
 *       than the current one is a stale resubmission and is rejected (TFQR-H01). A version whose
 *       {@linkplain ReturnVersion#fingerprint fingerprint} equals an accepted version of the same
 *       quarter is an identical copy and is ignored (TFQR-N02).
 *   <li>TFQR-W02: a version that revises another, or a current version with a cumulative figure
 *       lower than the current version of the authority's previous quarter on record, warns when it
 *       has no revision_note.
 *   <li>TFQR-W04: a current version warns when families attached, or families turned around /
 *       successful outcomes, rose since the previous quarter on record by at least {@value
 *       #JUMP_MIN_FAMILIES} families and by more than {@value #JUMP_FACTOR} times the average rise
 *       of up to {@value #JUMP_BASELINE_QUARTERS} quarters before it (at least {@value
 *       #JUMP_MIN_BASELINE_QUARTERS} are needed, so early quarters never warn). This catches the
 *       jump before a payment deadline that the programme's critics pointed at, while a steady rise
 *       of any size stays quiet.
 * </ul>
 */
public final class ReturnHistory {
  public static final long JUMP_MIN_FAMILIES = 50;
  public static final double JUMP_FACTOR = 3.0;
  public static final int JUMP_BASELINE_QUARTERS = 4;
  public static final int JUMP_MIN_BASELINE_QUARTERS = 2;

  /**
   * A cumulative figure of the summary and the column it is in; null when the return left it out.
   */
  private record FigureColumn(String column, Function<ReturnSummary, Long> figure) {}

  /** The fall rule's figures, made once per phase: it runs for every current version of a load. */
  private static final Map<Phase, List<FigureColumn>> FIGURE_COLUMNS = figureColumnsByPhase();

  private ReturnHistory() {}

  /** What became of one version. */
  public enum Status {
    /** The version in force for its quarter. */
    CURRENT,
    /** Replaced by a later submission; kept as history. */
    SUPERSEDED,
    /** Rejected as a stale resubmission (TFQR-H01). */
    STALE,
    /** Ignored as an identical copy of an accepted version (TFQR-N02). */
    IDENTICAL_COPY
  }

  /**
   * The decision for one version.
   *
   * @param supersedes the return id this version replaced, or null
   * @param supersededBy the return id that replaced this version, or null
   */
  public record Decision(
      String returnId, Quarter quarter, Status status, String supersedes, String supersededBy)
      implements Serializable {
    public Decision {
      requireNonNull(returnId, "returnId");
      requireNonNull(quarter, "quarter");
      requireNonNull(status, "status");
    }
  }

  /** The decisions, one per version in arrival order, and the findings about them. */
  public record Result(List<Decision> decisions, List<Finding> findings) implements Serializable {
    public Result {
      decisions = List.copyOf(decisions);
      findings = List.copyOf(findings);
    }

    /** The decision for a return id. */
    public Decision decision(String returnId) {
      return decisions.stream()
          .filter(d -> d.returnId().equals(returnId))
          .findFirst()
          .orElseThrow(() -> new IllegalArgumentException("no version " + returnId));
    }
  }

  /** A version with its arrival, made once for sorting. */
  private record Arrived(Arrival arrival, ReturnVersion version) {}

  /** The order versions are judged in: arrival ({@link Arrival#ORDER}), then return id. */
  private static final Comparator<Arrived> ARRIVAL =
      Comparator.comparing(Arrived::arrival, Arrival.ORDER)
          .thenComparing(arrived -> arrived.version().returnId());

  /**
   * Decides the history of one authority and phase.
   *
   * @throws IllegalArgumentException when the versions are not all of one authority and phase, or
   *     two share a return id
   */
  public static Result decide(List<ReturnVersion> versions) {
    checkOneSeries(versions);
    List<ReturnVersion> ordered = inArrivalOrder(versions);
    Map<String, Status> status = new LinkedHashMap<>();
    Map<String, String> supersedes = new HashMap<>();
    Map<String, String> supersededBy = new HashMap<>();
    Map<Quarter, ReturnVersion> current = new TreeMap<>();
    Map<Quarter, List<ReturnVersion>> accepted = new HashMap<>();
    List<Finding> findings = new ArrayList<>();
    for (ReturnVersion version : ordered) {
      Quarter quarter = version.summary().quarter();
      ReturnVersion now = current.get(quarter);
      List<ReturnVersion> kept = accepted.computeIfAbsent(quarter, q -> new ArrayList<>());
      ReturnVersion copyOf = null;
      for (ReturnVersion keptVersion : kept) {
        if (keptVersion.fingerprint().equals(version.fingerprint())) {
          copyOf = keptVersion;
          break;
        }
      }
      if (copyOf != null) {
        status.put(version.returnId(), Status.IDENTICAL_COPY);
        findings.add(
            Rule.N02.at(
                at(version, Template.SUBMITTED_AT),
                "this return is identical to return "
                    + copyOf.returnId()
                    + " already accepted for "
                    + quarter
                    + ", so it changes nothing"));
      } else if (now == null) {
        status.put(version.returnId(), Status.CURRENT);
        current.put(quarter, version);
        kept.add(version);
      } else if (version
          .arrival()
          .credibleSubmission()
          .isAfter(now.arrival().credibleSubmission())) {
        status.put(now.returnId(), Status.SUPERSEDED);
        supersededBy.put(now.returnId(), version.returnId());
        status.put(version.returnId(), Status.CURRENT);
        supersedes.put(version.returnId(), now.returnId());
        current.put(quarter, version);
        kept.add(version);
      } else {
        status.put(version.returnId(), Status.STALE);
        findings.add(
            Rule.H01.at(
                at(version, Template.SUBMITTED_AT),
                "submitted_at "
                    + version.summary().submittedAt()
                    + " is "
                    + (version
                            .arrival()
                            .credibleSubmission()
                            .equals(now.arrival().credibleSubmission())
                        ? "the same as"
                        : "older than")
                    + " that of return "
                    + now.returnId()
                    + " ("
                    + now.arrival().credibleSubmission()
                    + (now.arrival()
                            .credibleSubmission()
                            .equals(now.summary().submittedAt().toInstant())
                        ? ""
                        : ", when the warehouse received it: its own date "
                            + now.summary().submittedAt()
                            + " is later")
                    + "), already accepted for "
                    + quarter
                    + "; the accepted return stands"));
      }
    }
    Map<String, ReturnVersion> byId = new HashMap<>();
    ordered.forEach(v -> byId.put(v.returnId(), v));
    for (ReturnVersion version : ordered) {
      String revised = supersedes.get(version.returnId());
      if (revised != null) {
        revisionWithoutNote(version, byId.get(revised), findings);
      }
    }
    List<ReturnVersion> series = new ArrayList<>(current.values());
    // Each quarter's figures once: the jump rule looks back over several quarters for each one.
    long[] attached = measures(series, ReturnSummary::familiesAttached);
    long[] outcomes = measures(series, PhaseRules::familyOutcomes);
    for (int i = 1; i < series.size(); i++) {
      fallWithoutNote(series.get(i), series.get(i - 1), findings);
      jumps(series, attached, outcomes, i, findings);
    }
    List<Decision> decisions = new ArrayList<>();
    for (ReturnVersion version : ordered) {
      decisions.add(
          new Decision(
              version.returnId(),
              version.summary().quarter(),
              status.get(version.returnId()),
              supersedes.get(version.returnId()),
              supersededBy.get(version.returnId())));
    }
    return new Result(decisions, findings);
  }

  /**
   * The versions in {@link #ARRIVAL} order, each version's arrival made once rather than twice per
   * comparison: a load decides the whole history of every authority on every run.
   */
  private static List<ReturnVersion> inArrivalOrder(List<ReturnVersion> versions) {
    List<Arrived> arrived = new ArrayList<>(versions.size());
    for (ReturnVersion version : versions) {
      arrived.add(new Arrived(version.arrival(), version));
    }
    arrived.sort(ARRIVAL);
    List<ReturnVersion> ordered = new ArrayList<>(arrived.size());
    arrived.forEach(a -> ordered.add(a.version()));
    return ordered;
  }

  private static void checkOneSeries(List<ReturnVersion> versions) {
    if (versions.isEmpty()) {
      return;
    }
    ReturnSummary first = versions.get(0).summary();
    Map<String, Boolean> ids = new HashMap<>();
    for (ReturnVersion version : versions) {
      if (!version.summary().authorityCode().equals(first.authorityCode())
          || version.summary().phase() != first.phase()) {
        throw new IllegalArgumentException(
            "a history is of one authority and phase: "
                + first.authorityCode()
                + " phase "
                + first.phase().number()
                + " and "
                + version.summary().authorityCode()
                + " phase "
                + version.summary().phase().number()
                + " were mixed");
      }
      if (ids.put(version.returnId(), true) != null) {
        throw new IllegalArgumentException("return id " + version.returnId() + " appears twice");
      }
    }
  }

  private static Location at(ReturnVersion version, String column) {
    return Location.ofCell(version.file(), Location.SUMMARY, version.summary().row(), column);
  }

  private static boolean hasNote(ReturnVersion version) {
    String note = version.summary().revisionNote();
    return note != null && !note.isBlank();
  }

  private static void revisionWithoutNote(
      ReturnVersion version, ReturnVersion revised, List<Finding> findings) {
    if (hasNote(version)) {
      return;
    }
    List<String> falls = falls(version.summary(), revised.summary());
    findings.add(
        Rule.W02.at(
            at(version, Template.REVISION_NOTE),
            "this return revises return "
                + revised.returnId()
                + " for "
                + version.summary().quarter()
                + " but has no revision_note"
                + (falls.isEmpty() ? "" : "; " + String.join("; ", falls))));
  }

  private static void fallWithoutNote(
      ReturnVersion version, ReturnVersion previous, List<Finding> findings) {
    if (hasNote(version)) {
      return;
    }
    for (FigureColumn figure : FIGURE_COLUMNS.get(version.summary().phase())) {
      Long now = figure.figure().apply(version.summary());
      Long before = figure.figure().apply(previous.summary());
      if (now != null && before != null && now < before) {
        String column = figure.column();
        findings.add(
            Rule.W02.at(
                at(version, column),
                column
                    + " fell from "
                    + before
                    + " in "
                    + previous.summary().quarter()
                    + " (return "
                    + previous.returnId()
                    + ") to "
                    + now
                    + " without a revision_note; cumulative figures should not fall"));
      }
    }
  }

  private static List<String> falls(ReturnSummary now, ReturnSummary before) {
    List<String> falls = new ArrayList<>();
    for (FigureColumn figure : FIGURE_COLUMNS.get(now.phase())) {
      Long a = figure.figure().apply(now);
      Long b = figure.figure().apply(before);
      if (a != null && b != null && a < b) {
        falls.add(figure.column() + " fell from " + b + " to " + a);
      }
    }
    return falls;
  }

  private static Map<Phase, List<FigureColumn>> figureColumnsByPhase() {
    Map<Phase, List<FigureColumn>> byPhase = new EnumMap<>(Phase.class);
    for (Phase phase : Phase.values()) {
      List<FigureColumn> columns = new ArrayList<>();
      columns.add(
          new FigureColumn(Template.FAMILIES_IDENTIFIED, ReturnSummary::familiesIdentified));
      columns.add(new FigureColumn(Template.FAMILIES_ATTACHED, ReturnSummary::familiesAttached));
      for (ClaimResult result : PhaseRules.results(phase)) {
        columns.add(
            new FigureColumn(
                PhaseRules.column(result), summary -> summary.cumulative(result).orElse(null)));
      }
      byPhase.put(phase, List.copyOf(columns));
    }
    return byPhase;
  }

  private static long[] measures(
      List<ReturnVersion> series, java.util.function.ToLongFunction<ReturnSummary> measure) {
    long[] measures = new long[series.size()];
    for (int i = 0; i < measures.length; i++) {
      measures[i] = measure.applyAsLong(series.get(i).summary());
    }
    return measures;
  }

  private static void jumps(
      List<ReturnVersion> series,
      long[] attached,
      long[] outcomes,
      int index,
      List<Finding> findings) {
    jump(series, attached, index, findings, Template.FAMILIES_ATTACHED, "families attached");
    Phase phase = series.get(index).summary().phase();
    jump(
        series,
        outcomes,
        index,
        findings,
        PhaseRules.resultColumns(phase).get(0),
        phase == Phase.ONE ? "families turned around" : "successful family outcomes");
  }

  /**
   * W04: the measure (one per quarter of the series, in order) rose at {@code index} by more than
   * {@link #JUMP_FACTOR} times its average rise over the quarters before.
   */
  private static void jump(
      List<ReturnVersion> series,
      long[] measure,
      int index,
      List<Finding> findings,
      String column,
      String what) {
    int baselineStart = Math.max(1, index - JUMP_BASELINE_QUARTERS);
    int baselineCount = index - baselineStart;
    if (baselineCount < JUMP_MIN_BASELINE_QUARTERS) {
      return;
    }
    long rise = measure[index] - measure[index - 1];
    double baseline = 0;
    for (int i = baselineStart; i < index; i++) {
      baseline += Math.max(0, measure[i] - measure[i - 1]);
    }
    baseline /= baselineCount;
    if (rise >= JUMP_MIN_FAMILIES && rise > JUMP_FACTOR * baseline) {
      ReturnVersion version = series.get(index);
      findings.add(
          Rule.W04.at(
              at(version, column),
              what
                  + " rose by "
                  + rise
                  + " since "
                  + series.get(index - 1).summary().quarter()
                  + ", more than "
                  + JUMP_FACTOR
                  + " times the average rise of "
                  + String.format(java.util.Locale.ROOT, "%.1f", baseline)
                  + " over the "
                  + baselineCount
                  + " quarters before"));
    }
  }
}
