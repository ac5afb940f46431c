package uk.gov.tfwh.api.security;

import static java.util.Objects.requireNonNull;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import uk.gov.tfwh.api.access.HandWrittenResponses;

/**
 * Answers {@code POST /login} with 429 while the {@link LoginThrottle} refuses the user and
 * address. It runs before Spring Security, so it guards every sign-in form (this module's and the
 * dashboard pages' chain alike); the failures themselves are counted by {@link
 * FormLoginAuthentication}.
 */
final class LoginThrottleFilter extends OncePerRequestFilter {
  static final String USERNAME_PARAMETER = "username";

  private final LoginThrottle throttle;
  private final ProblemWriter problems;

  private final String contentSecurityPolicy;

  LoginThrottleFilter(
      LoginThrottle throttle, ProblemWriter problems, String contentSecurityPolicy) {
    this.throttle = requireNonNull(throttle, "throttle");
    this.problems = requireNonNull(problems, "problems");
    this.contentSecurityPolicy = requireNonNull(contentSecurityPolicy, "contentSecurityPolicy");
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String key =
        LoginThrottle.key(request.getParameter(USERNAME_PARAMETER), request.getRemoteAddr());
    Optional<Duration> wait = throttle.retryAfter(key);
    if (wait.isPresent()) {
      long seconds = Math.max(1, wait.get().toSeconds() + (wait.get().toNanosPart() > 0 ? 1 : 0));
      response.setHeader("Retry-After", Long.toString(seconds));
      // Answered before Spring Security's header writers run: the same headers, set here.
      HandWrittenResponses.secure(response, contentSecurityPolicy);
      problems.write(
          request,
          response,
          HttpStatus.TOO_MANY_REQUESTS,
          "too many failed sign-ins for this user from this address; try again in "
              + seconds
              + " s");
      return;
    }
    chain.doFilter(request, response);
  }
}
