package uk.gov.tfwh.etl.figures;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import uk.gov.tfwh.etl.read.ReadReturn;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.returns.model.ReturnSummary;

/**
 * The current version of every authority's quarters, per authority and phase in quarter order: what
 * payments, reconciliation and the league table are built from.
 */
public final class CurrentReturns {
  private final Map<String, List<ReadReturn>> byAuthorityAndPhase;

  private CurrentReturns(Map<String, List<ReadReturn>> byAuthorityAndPhase) {
    this.byAuthorityAndPhase = byAuthorityAndPhase;
  }

  /** Indexes the given current returns (each must be accepted, one per quarter). */
  public static CurrentReturns of(List<ReadReturn> current) {
    Map<String, List<ReadReturn>> series = new TreeMap<>();
    for (ReadReturn read : current) {
      ReturnSummary summary = read.summary().orElseThrow();
      series
          .computeIfAbsent(key(summary.authorityCode(), summary.phase()), k -> new ArrayList<>())
          .add(read);
    }
    series
        .values()
        .forEach(list -> list.sort(Comparator.comparing(r -> r.acceptedSummary().quarter())));
    return new CurrentReturns(series);
  }

  /** Every series of one authority and phase, each in quarter order. */
  public Iterable<List<ReadReturn>> series() {
    return byAuthorityAndPhase.values();
  }

  /** Every current return, by authority, phase and quarter. */
  public List<ReadReturn> all() {
    List<ReadReturn> all = new ArrayList<>();
    byAuthorityAndPhase.values().forEach(all::addAll);
    return all;
  }

  private static String key(String authorityCode, Phase phase) {
    return authorityCode + "/" + phase.number();
  }
}
