package uk.gov.tfwh.etl.crash;

import java.util.EnumMap;
import java.util.Map;

/** What a crash trial did, printed as one line for {@code bench/reliability.sh} to report. */
final class TrialFigures {
  private final long seed;
  private long untilSwitchMillis;
  private final Map<KillMoment, Integer> killsByMoment = new EnumMap<>(KillMoment.class);
  private int kills;
  private int finishedFirst;
  private int committedBeforeKill;
  private long served;
  private int snapshotsSeen;
  private int readerErrors;

  TrialFigures(long seed) {
    this.seed = seed;
  }

  void untilSwitch(long millis) {
    untilSwitchMillis = millis;
  }

  void record(KillMoment moment, boolean killed) {
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

  void readerServed(long served, int snapshotsSeen, int errors) {
    this.served = served;
    this.snapshotsSeen = snapshotsSeen;
    this.readerErrors = errors;
  }

  int kills() {
    return kills;
  }

  String summary() {
    return String.format(
        "CRASH-TRIAL kills survived: %d %s; loads that finished before the kill: %d; kills after"
            + " the switch committed: %d; reader queries: %d over %d snapshots, errors: %d;"
            + " load start to switch: %d ms; seed: %d",
        kills,
        killsByMoment,
        finishedFirst,
        committedBeforeKill,
        served,
        snapshotsSeen,
        readerErrors,
        untilSwitchMillis,
        seed);
  }
}
