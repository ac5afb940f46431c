package uk.gov.tfwh.generator.sample;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.StringJoiner;
import uk.gov.tfwh.generator.document.ClaimRow;
import uk.gov.tfwh.programme.outcome.ClaimResult;
import uk.gov.tfwh.programme.outcome.ProblemsAtEntry;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;

/**
 * Makes an authority's new claims for a quarter: one row per family for each rise in a cumulative
 * result, so that the claims to date always reconcile with the summary. Each family is new (a
 * family outcome is paid once), attached months before its result, with the problems it had at
 * entry (a family in work at the end had worklessness at entry).
 */
final class ClaimMaker {
  static final List<String> PHASE_ONE_PROBLEMS = ProblemsAtEntry.of(Phase.ONE);
  static final List<String> PHASE_TWO_PROBLEMS = ProblemsAtEntry.of(Phase.TWO);

  /** Claims cannot describe a family attached before the programme began. */
  private static final LocalDate PHASE_ONE_ATTACH_FLOOR = LocalDate.of(2012, 4, 1);

  private static final LocalDate PHASE_TWO_ATTACH_FLOOR = LocalDate.of(2014, 7, 1);

  private final FamilyRefs refs;
  private final int authorityIndex;
  private final Phase phase;
  private long serial;

  ClaimMaker(FamilyRefs refs, int authorityIndex, Phase phase) {
    this.refs = refs;
    this.authorityIndex = authorityIndex;
    this.phase = phase;
  }

  /** A reference for a family that has never been claimed (used by faults, too). */
  String newFamilyRef() {
    return refs.ref(authorityIndex, phase.number(), serial++);
  }

  /**
   * The claims of one quarter, in the order the authority's system lists them (by result date).
   *
   * @param newClaims how many families to claim for each result, in {@link #results} order
   */
  List<ClaimRow> claims(Quarter quarter, long[] newClaims, SplittableRandom random) {
    List<ClaimRow> rows = new ArrayList<>();
    List<String> results = results(phase);
    for (int r = 0; r < results.size(); r++) {
      for (long n = 0; n < newClaims[r]; n++) {
        rows.add(claim(quarter, results.get(r), random));
      }
    }
    rows.sort(Comparator.comparing(row -> (LocalDate) row.achievedOn()));
    return rows;
  }

  /** A valid claim of a new family for a result in a quarter. */
  ClaimRow claim(Quarter quarter, String result, SplittableRandom random) {
    LocalDate floor = phase == Phase.ONE ? PHASE_ONE_ATTACH_FLOOR : PHASE_TWO_ATTACH_FLOOR;
    LocalDate achieved;
    if (random.nextDouble() < 0.15 && !quarter.previous().start().isBefore(floor)) {
      // Claimed a quarter late: evidence of the result arrived after the return went in.
      Quarter earlier = quarter.previous();
      achieved = earlier.start().plusDays(random.nextInt(days(earlier)));
    } else {
      achieved = quarter.start().plusDays(random.nextInt(days(quarter)));
    }
    LocalDate attached = achieved.minusDays(60 + random.nextInt(480));
    if (attached.isBefore(floor)) {
      attached = floor.isAfter(achieved) ? achieved : floor;
    }
    return new ClaimRow(newFamilyRef(), attached, result, achieved, problems(result, random));
  }

  private static int days(Quarter quarter) {
    return (int) (quarter.end().toEpochDay() - quarter.start().toEpochDay()) + 1;
  }

  /** Two or more problems at entry, in the contract's order; work problems behind work results. */
  private String problems(String result, SplittableRandom random) {
    List<String> all = phase == Phase.ONE ? PHASE_ONE_PROBLEMS : PHASE_TWO_PROBLEMS;
    boolean[] chosen = new boolean[all.size()];
    int work = phase == Phase.ONE ? 2 : 3;
    int count = 0;
    if (result.equals("CONTINUOUS_EMPLOYMENT") || result.equals("PROGRESS_TO_WORK")) {
      chosen[work] = true;
      count++;
    }
    int wanted = 2 + (random.nextDouble() < 0.45 ? 1 : 0) + (random.nextDouble() < 0.15 ? 1 : 0);
    while (count < wanted) {
      int pick = random.nextInt(all.size());
      if (!chosen[pick]) {
        chosen[pick] = true;
        count++;
      }
    }
    StringJoiner joined = new StringJoiner(";");
    for (int i = 0; i < all.size(); i++) {
      if (chosen[i]) {
        joined.add(all.get(i));
      }
    }
    return joined.toString();
  }

  /** The results a phase's claims are made for, in the order the makers count them. */
  static List<String> results(Phase phase) {
    return ClaimResult.of(phase).stream().map(ClaimResult::name).toList();
  }
}
