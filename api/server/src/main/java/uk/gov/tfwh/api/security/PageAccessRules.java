package uk.gov.tfwh.api.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * Rules for the web pages (outside {@code /api}), contributed by the features that serve them: a
 * bean of this type adds its {@code requestMatchers(...)} rules; a request nobody claims reaches no
 * handler ({@link UnruledRequests}). Signing in is by the login form ({@code /login}: user name and
 * API token).
 */
@FunctionalInterface
public interface PageAccessRules {
  void apply(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          registry);
}
