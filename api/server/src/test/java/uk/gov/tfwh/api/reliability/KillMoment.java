package uk.gov.tfwh.api.reliability;

/**
 * When a trial kills the load: at a random time within a whole load's duration (mostly start-up and
 * reading, since those take longest), while it writes its staged tables, or during the snapshot
 * switch (its manifest written, the folder being synced, moved and made current).
 */
enum KillMoment {
  DURING_SWITCH,
  RANDOM_TIME,
  WHILE_WRITING;

  /** Trials count from 1; the first kills during the switch, which also times a load. */
  static KillMoment forTrial(int trial) {
    return values()[(trial - 1) % values().length];
  }
}
