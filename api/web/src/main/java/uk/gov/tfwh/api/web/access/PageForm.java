package uk.gov.tfwh.api.web.access;

import static java.util.Objects.requireNonNull;

import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Supplier;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import uk.gov.tfwh.api.access.ApiEndpoint;
import uk.gov.tfwh.api.access.Role;
import uk.gov.tfwh.api.security.MultipartOnlyForUploads;

/**
 * A page form that changes something, and the API action it is: those the API lets do the action
 * may send the form, and no one else. One matcher and one list of roles serve both the pages' rules
 * ({@link PageSecurity}) and the check before a form's body is read ({@link FormSenderCheck}).
 */
enum PageForm {
  /** The upload form: a return sent as {@code POST /api/v1/submissions} would be. */
  UPLOAD(MultipartOnlyForUploads.UPLOAD_PAGE, ApiEndpoint.SUBMIT),
  /** The SRO's sign-off of a submission. */
  SIGN_OFF("/submissions/{id}/sign-off", ApiEndpoint.SIGN_OFF);

  private final RequestMatcher matcher;
  private final ApiEndpoint action;
  private final AuthorityAuthorizationManager<HttpServletRequest> senders;

  PageForm(String path, ApiEndpoint action) {
    this.matcher = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, path);
    this.action = requireNonNull(action, "action");
    this.senders = AuthorityAuthorizationManager.hasAnyAuthority(authorities());
  }

  RequestMatcher matcher() {
    return matcher;
  }

  /** The Spring Security authorities of the roles that may send it. */
  String[] authorities() {
    return action.roles().stream().sorted().map(Role::authority).toArray(String[]::new);
  }

  /** Whether {@code sender} may send it: one of the roles, signed in. */
  AuthorizationResult authorize(Supplier<Authentication> sender, HttpServletRequest request) {
    return senders.authorize(sender, request);
  }

  /** Who may send it, as a refusal tells the sender. */
  String senders() {
    return action.roles().stream()
        .sorted()
        .map(
            role ->
                switch (role) {
                  case NATIONAL -> "the national team";
                  case COORDINATOR -> "an authority's coordinator";
                  case MINISTERIAL -> "a minister's office";
                })
        .reduce((a, b) -> a + " or " + b)
        .orElseThrow();
  }
}
