package uk.gov.tfwh.api.web.page;

import static java.util.Objects.requireNonNull;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import uk.gov.tfwh.api.access.AccessPolicy;
import uk.gov.tfwh.api.access.Viewers;
import uk.gov.tfwh.api.web.access.PageViewer;
import uk.gov.tfwh.warehouse.query.SnapshotUnavailableException;

/**
 * What every page shares: the viewer (for the header and the access rules) and the error pages,
 * which are GOV.UK pages with a plain message rather than the API's problem documents. Ordered
 * before the API's advice, which would answer these with JSON.
 */
@ControllerAdvice(basePackages = "uk.gov.tfwh.api.web")
@Order(Ordered.HIGHEST_PRECEDENCE)
public class PageAdvice {
  private static final UkTime TIME = new UkTime();

  private final AccessPolicy access;

  public PageAdvice(AccessPolicy access) {
    this.access = requireNonNull(access, "access");
  }

  @ModelAttribute("viewer")
  public PageViewer viewer() {
    return new PageViewer(Viewers.current(), access);
  }

  /** Times as the pages write them, for every template. */
  @ModelAttribute("time")
  public UkTime time() {
    return TIME;
  }

  @ExceptionHandler(BadPageRequest.class)
  public String badRequest(BadPageRequest e, Model model, HttpServletResponse response) {
    return problem(
        model, response, HttpStatus.BAD_REQUEST, "Check the page address", e.getMessage());
  }

  @ExceptionHandler(PageNotFound.class)
  public String notFound(PageNotFound e, Model model, HttpServletResponse response) {
    return problem(model, response, HttpStatus.NOT_FOUND, "Page not found", e.getMessage());
  }

  @ExceptionHandler(PageRefused.class)
  public String refused(PageRefused e, Model model, HttpServletResponse response) {
    return problem(model, response, HttpStatus.FORBIDDEN, "You cannot see this", e.getMessage());
  }

  @ExceptionHandler(SnapshotUnavailableException.class)
  public String noFigures(
      SnapshotUnavailableException e, Model model, HttpServletResponse response) {
    // The message names the warehouse folder, which is not the reader's business.
    return problem(
        model,
        response,
        HttpStatus.SERVICE_UNAVAILABLE,
        "No figures yet",
        "No figures have been published yet. Try again later.");
  }

  private String problem(
      Model model, HttpServletResponse response, HttpStatus status, String title, String detail) {
    model.addAttribute("viewer", viewer());
    model.addAttribute("title", title);
    model.addAttribute("detail", detail);
    response.setStatus(status.value());
    return "web/problem";
  }
}
