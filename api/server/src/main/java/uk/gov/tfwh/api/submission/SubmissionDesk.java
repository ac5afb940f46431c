package uk.gov.tfwh.api.submission;

import org.springframework.http.HttpStatus;

/**
 * The submission service if this instance runs one: the service is optional (a read-only replica
 * serving figures has no landing folder), and every submission resource asks here first.
 */
public final class SubmissionDesk {
  private final Submissions submissions;

  private SubmissionDesk(Submissions submissions) {
    this.submissions = submissions;
  }

  static SubmissionDesk open(Submissions submissions) {
    return new SubmissionDesk(submissions);
  }

  static SubmissionDesk closed() {
    return new SubmissionDesk(null);
  }

  public boolean isOpen() {
    return submissions != null;
  }

  /** The service, or a 503 that says how to start one. */
  public Submissions submissions() {
    if (submissions == null) {
      throw new SubmissionException(
          HttpStatus.SERVICE_UNAVAILABLE,
          "no-submissions",
          "this service takes no returns: it was started without a landing folder (./tfwh serve"
              + " --landing DIR)");
    }
    return submissions;
  }
}
