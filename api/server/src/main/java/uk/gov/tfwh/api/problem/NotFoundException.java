package uk.gov.tfwh.api.problem;

/** The thing asked for does not exist or has no data (unknown authority, empty quarter): 404. */
public class NotFoundException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public NotFoundException(String detail) {
    super(detail);
  }
}
