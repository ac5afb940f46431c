package uk.gov.tfwh.api.web.access;

import static java.util.Objects.requireNonNull;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import uk.gov.tfwh.api.security.ProblemWriter;

/**
 * Refuses a page form from someone who may not send it ({@link PageForm}) before its body is read.
 * The CSRF check that follows reads the form's token from the body, and for an upload that has
 * Tomcat parse the whole multipart body and spool its files to disk (within the upload limits):
 * before this check an upload from anyone signed out, or from a minister, was read before being
 * refused. The pages' rules check the sender again after the token. (A multipart body sent to any
 * other address is refused before this, by {@code MultipartOnlyForUploads}.)
 *
 * <p>A refusal is answered here, 403 as problem+json, not by {@code sendError}: the error page is a
 * dispatch of the same request, and the dispatch reads a multipart body after all. A signed-in
 * sender's refusal is published as the rules' refusals are, so the audit log records it.
 */
final class FormSenderCheck extends OncePerRequestFilter {
  private final AuthorizationEventPublisher events;
  private final ProblemWriter problems;

  FormSenderCheck(AuthorizationEventPublisher events, ProblemWriter problems) {
    this.events = requireNonNull(events, "events");
    this.problems = requireNonNull(problems, "problems");
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    // Tomcat reads a body for its parameters only for POST.
    return !"POST".equals(request.getMethod());
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<PageForm> form = formOf(request);
    if (form.isPresent()) {
      Authentication sender = SecurityContextHolder.getContext().getAuthentication();
      Supplier<Authentication> who = () -> sender;
      AuthorizationResult decision = form.get().authorize(who, request);
      if (decision == null || !decision.isGranted()) {
        events.publishAuthorizationEvent(who, request, decision);
        problems.write(
            request,
            response,
            HttpStatus.FORBIDDEN,
            "this form may be sent only by "
                + form.get().senders()
                + ", signed in; its body was not parsed and nothing was kept");
        return;
      }
    }
    chain.doFilter(request, response);
  }

  private static Optional<PageForm> formOf(HttpServletRequest request) {
    for (PageForm form : PageForm.values()) {
      if (form.matcher().matches(request)) {
        return Optional.of(form);
      }
    }
    return Optional.empty();
  }
}
