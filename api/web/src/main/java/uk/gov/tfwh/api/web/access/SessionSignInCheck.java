package uk.gov.tfwh.api.web.access;

import static java.util.Objects.requireNonNull;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import uk.gov.tfwh.api.access.ViewerAuthentication;
import uk.gov.tfwh.api.security.FormLoginAuthentication;

/**
 * Holds a page session's sign-in to the users file on every request, after the session has given it
 * back and before anything is decided by it: a revoked user (or one given a new token) is signed
 * out, their session ended, and the request served as anyone's; a user still there is served as
 * their entry says now. Without it a session outlived {@code ./tfwh users revoke}, SRO sign-off
 * included.
 *
 * <p>Made by {@link PageSecurity} for the pages' chain only, not a bean: Spring Boot would register
 * a filter bean for every request of the server as well.
 */
final class SessionSignInCheck extends OncePerRequestFilter {
  private final FormLoginAuthentication formLogin;

  SessionSignInCheck(FormLoginAuthentication formLogin) {
    this.formLogin = requireNonNull(formLogin, "formLogin");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    SecurityContext context = SecurityContextHolder.getContext();
    if (context.getAuthentication() instanceof ViewerAuthentication signedIn) {
      Optional<ViewerAuthentication> now = formLogin.stillSignedIn(signedIn);
      if (now.isPresent()) {
        context.setAuthentication(now.get());
      } else {
        SecurityContextHolder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
          session.invalidate();
        }
      }
    }
    chain.doFilter(request, response);
  }
}
