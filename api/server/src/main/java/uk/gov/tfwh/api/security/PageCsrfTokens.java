package uk.gov.tfwh.api.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Supplier;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import uk.gov.tfwh.api.problem.QueryNames;

/**
 * How every chain with sessions (the dashboard's and submission pages', and the service's own
 * sign-in and sign-out) reads a request's CSRF token: Spring Security's own (masked, per-request)
 * token, from the form's body or the {@code X-CSRF-TOKEN} header, with two differences.
 *
 * <ul>
 *   <li>Never from an address: a request whose query string names the token is refused, even with
 *       the right token in its body too. A token in an address leaks: it is written to access logs
 *       (the service's and every proxy's), stays in the address bar and the history, and is sent on
 *       in the next request's {@code Referer}. Refusing it, rather than ignoring it, keeps a form
 *       that puts it there from working at all, so none ships (the upload form did).
 *   <li>A token that cannot be unmasked is a wrong token (403), not an error.
 * </ul>
 *
 * <p>The upload form ({@code web/submit.html}) is multipart and sends the token as its first part:
 * the check's {@code getParameter} has Tomcat parse the body, within the upload limits of {@code
 * SubmissionConfiguration} (a file, a request, the part count) and no further, as it already did
 * when the token was in the address (Tomcat parses the query and the body on the first {@code
 * getParameter}). A body that cannot be read within them cannot give its token either: the check
 * refuses it, and the refusal's error dispatch answers the form's "too large", "too many files" or
 * "could not be read" (Spring's multipart resolution fails again there and {@code ApiProblems}
 * sends the page back to its form), with no handler run and nothing kept.
 */
public final class PageCsrfTokens implements CsrfTokenRequestHandler {
  private final XorCsrfTokenRequestAttributeHandler spring =
      new XorCsrfTokenRequestAttributeHandler();

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> token) {
    spring.handle(request, response, token);
  }

  @Override
  public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
    if (namedInQuery(request.getQueryString(), token.getParameterName())) {
      return null;
    }
    try {
      return spring.resolveCsrfTokenValue(request, token);
    } catch (IllegalArgumentException e) {
      // A token of the right shape whose unmasked bytes are not UTF-8 (as an altered token's
      // often are): Spring's handler throws, which was a 500 with a stack trace in the log. It is
      // a wrong token like any other.
      return null;
    }
  }

  /** Whether {@code query} has a parameter called {@code name}, however it is encoded. */
  private static boolean namedInQuery(String query, String name) {
    return QueryNames.of(query).contains(name);
  }
}
