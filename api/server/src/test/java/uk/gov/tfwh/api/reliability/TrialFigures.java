package uk.gov.tfwh.api.reliability;

import java.util.EnumMap;
import java.util.Map;

/** What a crash trial did, printed as one line for {@code bench/reliability.sh} to report. */
final class TrialFigures {
  private final long seed;
  private final String store;
  private long untilSwitchMillis;
  private final Map<KillMoment, Integer> killsByMoment = new EnumMap<>(KillMoment.class);
  private int trials;
  private int kills;
  private int finishedFirst;
  private int committedBeforeKill;
  private long served;
  private int snapshotsSeen;
  private int errors;

  TrialFigures(long seed, String store) {
    this.seed = seed;
    this.store = store;
  }

  void untilSwitch(long millis) {
    untilSwitchMillis = millis;
  }

  void record(KillMoment moment, boolean killed) {
    trials++;
    if (killed) {
      kills++;
      killsByMoment.merge(moment, 1, Integer::sum);
    } else {
      finishedFirst++;
    }
  }

  void committedBeforeKill() {
    committedBeforeKill++;
  }

  void apiServed(long served, int snapshotsSeen, int errors) {
    this.served = served;
    this.snapshotsSeen = snapshotsSeen;
    this.errors = errors;
  }

  int kills() {
    return kills;
  }

  String summary() {
    return String.format(
        "CRASH-TRIAL kills survived: %d %s in %d trials; loads that finished before the kill: %d;"
            + " kills after the switch committed: %d; API requests served: %d over %d snapshots,"
            + " errors: %d; load start to switch: %d ms; seed: %d; store: %s",
        kills,
        killsByMoment,
        trials,
        finishedFirst,
        committedBeforeKill,
        served,
        snapshotsSeen,
        errors,
        untilSwitchMillis,
        seed,
        store);
  }
}
