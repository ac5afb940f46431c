package uk.gov.tfwh.api.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.List;
import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import uk.gov.tfwh.api.access.ApiEndpoint;
import uk.gov.tfwh.api.access.Role;
import uk.gov.tfwh.api.access.Viewer;
import uk.gov.tfwh.api.access.ViewerAuthentication;
import uk.gov.tfwh.api.access.Viewers;
import uk.gov.tfwh.api.config.ApiProperties;
import uk.gov.tfwh.api.user.UserDirectory;

/**
 * Two filter chains. {@code /api/**}: stateless, bearer tokens (tfwh tokens or OpenID Connect
 * JWTs), the rule of each {@link ApiEndpoint}. Everything else (sign-in, documentation, health): a
 * login form with CSRF protection, the public documentation and health, the rules of every {@link
 * PageAccessRules} bean. In both, a request no rule names reaches no handler ({@link
 * UnruledRequests}): refused when a controller maps it, a 404 otherwise. Both set the security
 * headers; HSTS is sent when the request came over TLS, directly or through a proxy on a private
 * address that says so in {@code X-Forwarded-Proto}.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {
  /**
   * The request attribute holding why a URL rule refused a caller whose role may call the resource
   * (a coordinator asking about another authority), for the 403's detail.
   */
  private static final String REFUSAL = ApiSecurityConfiguration.class.getName() + ".refusal";

  @Bean
  @Order(1)
  SecurityFilterChain api(
      HttpSecurity http,
      UserDirectory users,
      ObjectProvider<JwtDecoder> jwtDecoder,
      ApiProperties properties,
      AccessProperties access,
      ObjectMapper json,
      @Qualifier("requestMappingHandlerMapping")
          ObjectProvider<RequestMappingHandlerMapping> mappings)
      throws Exception {
    UnruledRequests unruled = new UnruledRequests(mappings);
    JwtAuthenticationProvider jwt = null;
    JwtDecoder decoder = jwtDecoder.getIfAvailable();
    if (decoder != null) {
      ApiProperties.Oidc oidc = properties.oidc();
      if (oidc.issuer() == null || oidc.audience() == null) {
        throw new IllegalStateException(
            "OpenID Connect is configured (spring.security.oauth2.resourceserver.jwt.*) but"
                + " tfwh.api.oidc.issuer and tfwh.api.oidc.audience are not both set: every token"
                + " must come from the one issuer and be meant for this service");
      }
      jwt =
          new JwtAuthenticationProvider(
              new CheckedJwtDecoder(decoder, oidc.issuer(), oidc.audience()));
      jwt.setJwtAuthenticationConverter(new JwtViewerConverter(properties.oidc()));
    }
    BearerTokenAuthentication bearer = new BearerTokenAuthentication(users, jwt);
    ProblemWriter problems = new ProblemWriter(json);
    BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();
    AuthenticationEntryPoint signIn =
        (request, response, e) -> {
          challenge.commence(request, response, e);
          problems.write(
              request,
              response,
              HttpStatus.UNAUTHORIZED,
              e instanceof InsufficientAuthenticationException
                  ? "sign in for this resource: send 'Authorization: Bearer <token>'"
                  : e.getMessage());
        };
    AccessDeniedHandler refused =
        (request, response, e) ->
            problems.write(
                request,
                response,
                HttpStatus.FORBIDDEN,
                request.getAttribute(REFUSAL) instanceof String reason
                    ? reason
                    : refusal(e.getMessage()));
    http.securityMatcher("/api/**")
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        // No cookies or sessions on /api: a bearer token cannot be sent by a forged cross-site
        // request, so there is nothing for CSRF protection to guard.
        .csrf(csrf -> csrf.disable())
        .authorizeHttpRequests(
            authorize -> {
              for (ApiEndpoint endpoint : ApiEndpoint.values()) {
                var rule = authorize.requestMatchers(endpoint.method(), endpoint.path());
                if (endpoint.isPublic()) {
                  rule.permitAll();
                } else {
                  rule.access(
                      (authentication, context) -> {
                        Viewer viewer = viewerOf(authentication.get());
                        // Only a coordinator's authority is checked against the request's; asking
                        // no one else's spares parsing an anonymous caller's multipart upload.
                        String asked =
                            viewer.role() == Role.COORDINATOR ? authorityAsked(context) : null;
                        boolean allowed = endpoint.allows(viewer, asked);
                        if (!allowed && asked != null && endpoint.allows(viewer, null)) {
                          // The role is right and the authority wrong: say so, not "another role".
                          context
                              .getRequest()
                              .setAttribute(
                                  REFUSAL,
                                  viewer.name()
                                      + " may not see this resource for "
                                      + asked
                                      + ": a coordinator sees only its own authority's, "
                                      + viewer.authority());
                        }
                        return new AuthorizationDecision(allowed);
                      });
                }
              }
              // No rule, no handler: a path a controller maps that is missing from the table is
              // refused to everyone, and any other is a 404 for everyone (UnruledRequests).
              authorize.anyRequest().access(unruled.rule());
            })
        .addFilterAfter(unruled.notFound(), AuthorizationFilter.class)
        .oauth2ResourceServer(
            oauth ->
                oauth
                    .authenticationManagerResolver(request -> bearer)
                    .authenticationEntryPoint(signIn))
        .exceptionHandling(
            handling -> handling.authenticationEntryPoint(signIn).accessDeniedHandler(refused))
        .headers(
            headers -> {
              securityHeaders(headers, access.apiContentSecurityPolicy());
              headers.addHeaderWriter(SIGNED_IN_NOT_SHARED);
            });
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain pages(
      HttpSecurity http,
      FormLoginAuthentication formLogin,
      List<PageAccessRules> pageRules,
      AccessProperties access,
      @Qualifier("requestMappingHandlerMapping")
          ObjectProvider<RequestMappingHandlerMapping> mappings)
      throws Exception {
    UnruledRequests unruled = new UnruledRequests(mappings);
    // Its own manager, without the global one as parent: a failed sign-in is checked (and counted
    // by the throttle) once, not once here and again by the parent.
    http.authenticationManager(new ProviderManager(formLogin))
        .authorizeHttpRequests(
            authorize -> {
              authorize
                  .requestMatchers(
                      "/actuator/health",
                      "/actuator/health/**",
                      "/v3/api-docs",
                      "/v3/api-docs/**",
                      "/swagger-ui.html",
                      "/swagger-ui/**",
                      "/login",
                      "/error")
                  .permitAll();
              pageRules.forEach(rules -> rules.apply(authorize));
              authorize.anyRequest().access(unruled.rule());
            })
        .addFilterAfter(unruled.notFound(), AuthorizationFilter.class)
        .formLogin(form -> form.permitAll())
        .logout(logout -> logout.permitAll())
        // The sign-in and sign-out forms' token from their body only, as on the pages.
        .csrf(csrf -> csrf.csrfTokenRequestHandler(new PageCsrfTokens()))
        .headers(headers -> securityHeaders(headers, access.pageContentSecurityPolicy()));
    return http.build();
  }

  /**
   * Refusals by the access rules as application events (Spring Security publishes none without
   * this), so the submission service can put them in its audit log.
   */
  @Bean
  AuthorizationEventPublisher authorizationEventPublisher(ApplicationEventPublisher events) {
    return new SpringAuthorizationEventPublisher(events);
  }

  @Bean
  LoginThrottle loginThrottle(AccessProperties access) {
    return new LoginThrottle(access.loginFailures(), access.loginWindow(), Clock.systemUTC());
  }

  /** Before Spring Security, so it guards whichever chain serves the sign-in form. */
  @Bean
  FilterRegistrationBean<LoginThrottleFilter> loginThrottleFilter(
      LoginThrottle throttle, ObjectMapper json, AccessProperties access) {
    FilterRegistrationBean<LoginThrottleFilter> registration =
        new FilterRegistrationBean<>(
            new LoginThrottleFilter(
                throttle, new ProblemWriter(json), access.pageContentSecurityPolicy()));
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 1);
    registration.addUrlPatterns("/login");
    return registration;
  }

  /** Before the sign-in throttle, which reads a parameter, and so before Spring Security. */
  @Bean
  FilterRegistrationBean<MultipartOnlyForUploads> multipartOnlyForUploads(
      ObjectMapper json, AccessProperties access) {
    FilterRegistrationBean<MultipartOnlyForUploads> registration =
        new FilterRegistrationBean<>(
            new MultipartOnlyForUploads(
                new ProblemWriter(json), access.pageContentSecurityPolicy()));
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 2);
    return registration;
  }

  /**
   * Behind a TLS-terminating proxy, the proxies named in {@code tfwh.api.access.trusted-proxies}
   * (and only they) may say, in {@code X-Forwarded-Proto} and {@code X-Forwarded-For}, how the
   * client reached them: then {@code request.isSecure()} is true behind TLS (so HSTS is sent) and
   * the sign-in throttle sees the client's address. Any other sender's headers are ignored: a
   * client naming a new address on every attempt must not escape the throttle (Tomcat's default
   * trusts every private and loopback address).
   */
  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> forwardedByTrustedProxies(
      AccessProperties access) {
    return factory -> {
      if (access.trustedProxies().isEmpty()) {
        return;
      }
      RemoteIpValve valve = new RemoteIpValve();
      valve.setProtocolHeader("X-Forwarded-Proto");
      valve.setRemoteIpHeader("X-Forwarded-For");
      valve.setInternalProxies(
          access.trustedProxies().stream()
              .map(java.util.regex.Pattern::quote)
              .collect(java.util.stream.Collectors.joining("|")));
      valve.setTrustedProxies("");
      factory.addEngineValves(valve);
    };
  }

  /**
   * What Tomcat answers before the application (headers over the limit) is a problem+json too, not
   * its HTML error page.
   */
  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
    return factory ->
        factory.addContextCustomizers(
            context -> {
              if (context.getParent() instanceof org.apache.catalina.core.StandardHost host) {
                host.setErrorReportValveClass(
                    uk.gov.tfwh.api.problem.ProblemErrorReportValve.class.getName());
              }
            });
  }

  private static void securityHeaders(HeadersConfigurer<HttpSecurity> headers, String csp) {
    headers
        .contentTypeOptions(nosniff -> {})
        .frameOptions(frames -> frames.deny())
        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
        .contentSecurityPolicy(policy -> policy.policyDirectives(csp))
        .httpStrictTransportSecurity(
            hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000));
  }

  /**
   * Anything answered to a signed-in caller may hold pre-release figures: it must never sit in a
   * shared cache. The resources mark their own responses; this makes sure of it for every response
   * to a request carrying credentials, whatever a resource did.
   */
  private static final HeaderWriter SIGNED_IN_NOT_SHARED =
      (HttpServletRequest request, HttpServletResponse response) -> {
        if (request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
          return;
        }
        String caching = response.getHeader(HttpHeaders.CACHE_CONTROL);
        if (caching == null || !(caching.contains("private") || caching.contains("no-store"))) {
          response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
        }
        if (response.getHeaders(HttpHeaders.VARY).stream()
            .noneMatch(vary -> vary.toLowerCase().contains("authorization"))) {
          response.addHeader(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION);
        }
      };

  private static Viewer viewerOf(Authentication authentication) {
    return authentication instanceof ViewerAuthentication signedIn
        ? signedIn.getPrincipal()
        : Viewer.ANONYMOUS;
  }

  private static String authorityAsked(RequestAuthorizationContext context) {
    String code = context.getVariables().get(ApiEndpoint.AUTHORITY_VARIABLE);
    return code != null ? code : context.getRequest().getParameter(ApiEndpoint.AUTHORITY_PARAMETER);
  }

  private static String refusal(String message) {
    return message == null || message.equals("Access Denied")
        ? Viewers.current().name() + " may not see this resource: it needs another role"
        : message;
  }
}
