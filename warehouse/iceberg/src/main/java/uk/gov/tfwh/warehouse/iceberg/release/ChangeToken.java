package uk.gov.tfwh.warehouse.iceberg.release;

/**
 * What readers poll to know whether the current or the published release may have changed: the
 * newest release's number and the newest publication's number, each 0 when there is none. Both only
 * ever grow, so a token differs from an earlier one exactly when something was committed or
 * published in between.
 */
public record ChangeToken(long releaseSeq, long publicationSeq) {
  /** An empty catalog's token. */
  public static final ChangeToken NONE = new ChangeToken(0, 0);
}
