package uk.gov.tfwh.warehouse.iceberg.release;

/** A release id that the catalog has no release of. */
public final class UnknownReleaseException extends ReleaseException {
  private static final long serialVersionUID = 1L;

  private final String releaseId;

  UnknownReleaseException(String catalogName, String releaseId) {
    super("the catalog " + catalogName + " has no release " + releaseId);
    this.releaseId = releaseId;
  }

  public String releaseId() {
    return releaseId;
  }
}
