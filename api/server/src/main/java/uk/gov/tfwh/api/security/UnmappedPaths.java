package uk.gov.tfwh.api.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Whether no controller of the service maps a request: such a request is let through to be answered
 * 404 (as problem+json) for everyone, instead of 401 or 403 by the rule that refuses every mapped
 * path the access table does not list (that refusal still holds for those).
 */
final class UnmappedPaths {
  private final ObjectProvider<RequestMappingHandlerMapping> mappings;

  UnmappedPaths(ObjectProvider<RequestMappingHandlerMapping> mappings) {
    this.mappings = mappings;
  }

  boolean unmapped(HttpServletRequest request) {
    try {
      return mappings.getObject().getHandler(request) == null;
    } catch (Exception e) {
      // A path the mapping cannot even look at is mapped by nothing either.
      return true;
    }
  }
}
