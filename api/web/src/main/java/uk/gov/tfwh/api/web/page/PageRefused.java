package uk.gov.tfwh.api.web.page;

/** Something a signed-in viewer may not have, such as a table only another role may download. */
public class PageRefused extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PageRefused(String message) {
    super(message);
  }
}
