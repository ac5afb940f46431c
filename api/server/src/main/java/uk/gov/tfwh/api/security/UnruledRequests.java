package uk.gov.tfwh.api.security;

import static java.util.Objects.requireNonNull;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * What a security chain does with a request that none of its access rules names: it never reaches a
 * handler. A path a controller maps is refused to everyone (401 without credentials, 403 with them:
 * the access table lacks its row, which RoleMatrixTest catches). Any other is answered 404 by the
 * chain itself, for everyone, whatever might have served it.
 *
 * <p>This used to let every path no controller maps through to the dispatcher, to be a 404 there.
 * But controllers are not the only handlers: the actuator's endpoints, static resources (Spring
 * Boot maps {@code /**} and {@code /webjars/**} by default) and router functions have mappings of
 * their own, and each was public unless someone remembered to give it a rule (the actuator's index
 * once answered anyone). Now a handler without a rule cannot be reached, and the 404 is the same
 * whether or not something would have answered.
 */
final class UnruledRequests {
  /** Set by {@link #rule()} on a request to be answered 404; read by {@link #notFound()}. */
  private static final String NOT_FOUND = UnruledRequests.class.getName() + ".notFound";

  private final ObjectProvider<RequestMappingHandlerMapping> controllers;

  UnruledRequests(ObjectProvider<RequestMappingHandlerMapping> controllers) {
    this.controllers = requireNonNull(controllers, "controllers");
  }

  /**
   * The chain's last rule ({@code anyRequest()}). A request no controller maps is let past the
   * rules only to be stopped by {@link #notFound()} right after them: were it refused here, a
   * caller without credentials would be asked to sign in (401, or the sign-in page), which would
   * tell them the path needs it.
   */
  AuthorizationManager<RequestAuthorizationContext> rule() {
    return (authentication, context) -> {
      HttpServletRequest request = context.getRequest();
      if (mappedByController(request)) {
        return new AuthorizationDecision(false);
      }
      request.setAttribute(NOT_FOUND, Boolean.TRUE);
      return new AuthorizationDecision(true);
    };
  }

  /**
   * The filter after the chain's authorization: answers 404 to a request {@link #rule()} marked,
   * through the error page every other 404 outside a resource gets ({@code ProblemErrorController},
   * problem+json), and passes every other request on.
   */
  OncePerRequestFilter notFound() {
    return new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(
          HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        if (request.getAttribute(NOT_FOUND) == null) {
          chain.doFilter(request, response);
          return;
        }
        // Removed first: the error dispatch carries the same request attributes.
        request.removeAttribute(NOT_FOUND);
        response.sendError(HttpStatus.NOT_FOUND.value());
      }
    };
  }

  private boolean mappedByController(HttpServletRequest request) {
    try {
      return controllers.getObject().getHandler(request) != null;
    } catch (Exception e) {
      // A path the mapping cannot even look at is mapped by no controller either.
      return false;
    }
  }
}
