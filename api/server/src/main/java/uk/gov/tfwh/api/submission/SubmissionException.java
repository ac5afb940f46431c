package uk.gov.tfwh.api.submission;

import org.springframework.http.HttpStatus;

/** A submission or sign-off that cannot go ahead, with the status and a message to act on. */
public class SubmissionException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final HttpStatus status;
  private final String type;

  public SubmissionException(HttpStatus status, String type, String message) {
    super(message);
    this.status = status;
    this.type = type;
  }

  public HttpStatus status() {
    return status;
  }

  /** The problem type's last path segment, such as {@code busy}. */
  public String type() {
    return type;
  }

  static SubmissionException busy(String authority) {
    return new SubmissionException(
        HttpStatus.CONFLICT,
        "busy",
        "a return for "
            + authority
            + " is being checked now; nothing was saved from this upload. Send it again when the"
            + " first one's result is shown.");
  }

  static SubmissionException quarantineFull(String authority, QuarantineLimit limit) {
    return new SubmissionException(
        HttpStatus.TOO_MANY_REQUESTS,
        "quarantine-full",
        authority
            + " has sent as many rejected uploads as the service keeps in "
            + limit.window().toHours()
            + " hours (at most "
            + limit.uploads()
            + " uploads and "
            + limit.bytes() / (1024 * 1024)
            + " MiB); nothing was saved from this upload. Fix what the last receipt lists and send"
            + " the return again later, or ask the national team.");
  }

  static SubmissionException notFound(String id) {
    return new SubmissionException(
        HttpStatus.NOT_FOUND, "not-found", "there is no submission " + id + " for this authority");
  }

  static SubmissionException badRequest(String message) {
    return new SubmissionException(HttpStatus.BAD_REQUEST, "bad-request", message);
  }
}
