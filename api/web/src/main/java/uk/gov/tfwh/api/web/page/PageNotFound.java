package uk.gov.tfwh.api.web.page;

/** A page for something the snapshot does not have, such as an unknown authority code. */
public class PageNotFound extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PageNotFound(String message) {
    super(message);
  }
}
