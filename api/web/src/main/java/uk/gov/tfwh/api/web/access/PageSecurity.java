package uk.gov.tfwh.api.web.access;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import uk.gov.tfwh.api.access.Role;
import uk.gov.tfwh.api.security.FormLoginAuthentication;
import uk.gov.tfwh.api.security.PageCsrfTokens;
import uk.gov.tfwh.api.security.ProblemWriter;

/**
 * Who may open which page. The pages have their own filter chain, matched on the page paths only
 * and ordered before the service's, because they need a GOV.UK sign-in page of their own (the
 * service's chain would generate Spring's default one at {@code /login}). Signing in checks the
 * user's name and API token with the service's {@link FormLoginAuthentication}, so the users file
 * stays the one list of users; the API keeps its bearer tokens.
 *
 * <p>Every page is open to everyone: what a page shows depends on the viewer, through the service's
 * {@code AccessPolicy} ({@link PageViewer}). Signing out needs a signed-in session; any other
 * request under these paths is refused.
 */
@Configuration(proxyBeanMethods = false)
public class PageSecurity {

  /** Page paths: the service's chains never see these. */
  static final String[] PAGE_PATHS = {
    "/",
    "/authorities/**",
    "/national",
    "/national/*.csv",
    "/login",
    "/logout",
    "/assets/**",
    "/submissions",
    "/submissions/**",
    "/download/**",
    "/data-quality",
    "/data-quality.csv",
    "/methodology",
    "/rules",
    "/data-dictionary",
    "/find",
    "/compare",
    "/compare.csv",
    "/league-table.csv"
  };

  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE + 10)
  SecurityFilterChain dashboardPages(
      HttpSecurity http,
      FormLoginAuthentication formLogin,
      AuthorizationEventPublisher events,
      ObjectMapper json)
      throws Exception {
    // The one provider, with no parent manager: given as a provider it was also tried again by
    // the global manager after a failure, and every failed sign-in counted twice.
    http.securityMatcher(PAGE_PATHS)
        .authenticationManager(new ProviderManager(formLogin))
        .addFilterAfter(new SessionSignInCheck(formLogin), SecurityContextHolderFilter.class)
        // A form's sender is looked at before its body is read for the CSRF token.
        .addFilterBefore(new FormSenderCheck(events, new ProblemWriter(json)), CsrfFilter.class)
        // The forms' token from their body only, never from an address (PageCsrfTokens).
        .csrf(csrf -> csrf.csrfTokenRequestHandler(new PageCsrfTokens()))
        .authorizeHttpRequests(
            rules ->
                rules
                    .requestMatchers(GET, "/assets/**")
                    .permitAll()
                    .requestMatchers(GET, "/", "/authorities/{code}", "/national")
                    .permitAll()
                    // A page's own tables as shown: the page's access decides what each holds.
                    .requestMatchers(GET, "/authorities/*/*.csv", "/national/*.csv")
                    .permitAll()
                    .requestMatchers(GET, "/methodology", "/rules", "/data-dictionary")
                    .permitAll()
                    .requestMatchers(GET, "/find", "/compare", "/compare.csv", "/league-table.csv")
                    .permitAll()
                    // Each download is held to the API's own rule by PageDownloads.
                    .requestMatchers(GET, "/download/api/v1/**")
                    .permitAll()
                    .requestMatchers(GET, "/login")
                    .permitAll()
                    // The submission pages: the national team's own first (their patterns would
                    // otherwise match /submissions/{id}), then the coordinators' and the national
                    // team's; a coordinator is kept to their own authority by the pages themselves.
                    .requestMatchers(GET, "/data-quality", "/data-quality.csv")
                    .hasAuthority(Role.NATIONAL.authority())
                    .requestMatchers(GET, "/submissions/status", "/submissions/status.csv")
                    .hasAuthority(Role.NATIONAL.authority())
                    .requestMatchers(GET, "/submissions", "/submissions/new", "/submissions/{id}")
                    .hasAnyAuthority(Role.NATIONAL.authority(), Role.COORDINATOR.authority())
                    // The forms: checked before their body is read too (FormSenderCheck).
                    .requestMatchers(PageForm.UPLOAD.matcher())
                    .hasAnyAuthority(PageForm.UPLOAD.authorities())
                    .requestMatchers(PageForm.SIGN_OFF.matcher())
                    .hasAnyAuthority(PageForm.SIGN_OFF.authorities())
                    .requestMatchers(POST, "/login")
                    .permitAll()
                    .requestMatchers(POST, "/logout")
                    .authenticated()
                    .anyRequest()
                    .denyAll())
        .formLogin(
            form ->
                form.loginPage("/login")
                    .usernameParameter("username")
                    .passwordParameter("token")
                    .failureUrl("/login?error")
                    .defaultSuccessUrl("/", false))
        .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/?signed-out"))
        .headers(
            headers ->
                headers
                    .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                    .contentSecurityPolicy(
                        csp ->
                            csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; object-src 'none';"
                                    + " base-uri 'self'; frame-ancestors 'none'; form-action"
                                    + " 'self'")));
    return http.build();
  }
}
