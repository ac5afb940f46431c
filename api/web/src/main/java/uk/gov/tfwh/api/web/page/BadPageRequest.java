package uk.gov.tfwh.api.web.page;

/** A page asked for with a parameter it cannot use; the message names the parameter and why. */
public class BadPageRequest extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BadPageRequest(String message) {
    super(message);
  }
}
