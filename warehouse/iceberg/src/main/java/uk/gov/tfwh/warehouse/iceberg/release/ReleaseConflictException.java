package uk.gov.tfwh.warehouse.iceberg.release;

import java.util.Optional;

/**
 * A release was not committed because its parent is no longer the newest release: another load
 * committed first (the parent moved, or a racing writer took the release's number). Nothing of the
 * release was written; the load has to run again on the new current release, since its results
 * depend on its parent.
 */
public final class ReleaseConflictException extends ReleaseException {
  private static final long serialVersionUID = 1L;

  private final String releaseId;
  private final long expectedParentSeq;
  private final String expectedParentId;
  private final long currentSeq;
  private final String currentId;

  ReleaseConflictException(ReleaseRecord attempted, long currentSeq, Optional<String> currentId) {
    super(message(attempted, currentSeq, currentId));
    this.releaseId = attempted.id();
    this.expectedParentSeq = attempted.parentSeq();
    this.expectedParentId = attempted.parentId().orElse(null);
    this.currentSeq = currentSeq;
    this.currentId = currentId.orElse(null);
  }

  /** The release that was not committed. */
  public String releaseId() {
    return releaseId;
  }

  /** The number of the parent the release was built on (0: none). */
  public long expectedParentSeq() {
    return expectedParentSeq;
  }

  public Optional<String> expectedParentId() {
    return Optional.ofNullable(expectedParentId);
  }

  /** The number of the newest release when the commit was refused (0: none). */
  public long currentSeq() {
    return currentSeq;
  }

  public Optional<String> currentId() {
    return Optional.ofNullable(currentId);
  }

  private static String message(
      ReleaseRecord attempted, long currentSeq, Optional<String> currentId) {
    String ranOn =
        attempted.parentSeq() == 0
            ? "no release"
            : "release " + attempted.parentSeq() + " (" + attempted.parentId().orElseThrow() + ")";
    String now =
        currentSeq == 0
            ? "there is no release"
            : "release " + currentSeq + " (" + currentId.orElseThrow() + ")";
    String why;
    if (currentSeq > attempted.parentSeq()) {
      why = now + " was committed by another load while this one ran on " + ranOn;
    } else if (currentSeq < attempted.parentSeq()) {
      why =
          "this load ran on " + ranOn + ", but " + (currentSeq == 0 ? now : "the newest is " + now);
    } else {
      why = "this load ran on " + ranOn + ", but the newest is " + now;
    }
    return "release "
        + attempted.id()
        + " was not committed: "
        + why
        + "; nothing was released; load again";
  }
}
