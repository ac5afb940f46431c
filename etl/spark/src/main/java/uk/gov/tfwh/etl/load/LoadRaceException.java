package uk.gov.tfwh.etl.load;

/**
 * A load that met another writer's commit and so released nothing (docs/design/iceberg.md, section
 * 5.6): another load committed a release while this one ran on the release before it, or another
 * writer's commit to the same tables got in the way of this load's. Its message is the one line the
 * load ends with; what Iceberg or the database said is kept as a suppressed exception, not as the
 * cause, so that line does not repeat it.
 */
public final class LoadRaceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  static final String RUN_AGAIN = "nothing of this load was released; run it again";

  private LoadRaceException(String message, Throwable met) {
    super(message);
    addSuppressed(met);
  }

  /** Another load committed release {@code newest} while this one ran on {@code parent}. */
  static LoadRaceException released(String newest, String parent, Throwable met) {
    return new LoadRaceException(
        "another load committed " + newest + " while this one ran on " + parent + "; " + RUN_AGAIN,
        met);
  }

  /** Another writer's commit to the tables got in the way; no newer release is there (yet). */
  static LoadRaceException tablesChanged(String parent, Throwable conflict, Throwable met) {
    return new LoadRaceException(
        "another writer committed to the warehouse's tables while this load wrote them on "
            + parent
            + " ("
            + String.valueOf(conflict.getMessage()).replaceAll("\\s+", " ").trim()
            + "); "
            + RUN_AGAIN,
        met);
  }
}
