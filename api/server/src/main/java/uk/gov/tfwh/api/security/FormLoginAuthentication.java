package uk.gov.tfwh.api.security;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import uk.gov.tfwh.api.access.ViewerAuthentication;
import uk.gov.tfwh.api.user.ApiTokens;
import uk.gov.tfwh.api.user.ApiUser;
import uk.gov.tfwh.api.user.UserDirectory;

/**
 * The login form of the web pages: the user's name and their API token as the password, so a user
 * has one credential and the users file stays the one list of users. Every failure is counted by
 * the {@link LoginThrottle} (per name and client address); {@link LoginThrottleFilter} turns the
 * count into 429s.
 */
@Component
public class FormLoginAuthentication implements AuthenticationProvider {
  /**
   * Compared against when the name is unknown, so an unknown name costs the same as a known one.
   */
  private static final String NO_USER_HASH = ApiTokens.hash("no such user");

  private final UserDirectory users;
  private final LoginThrottle throttle;

  public FormLoginAuthentication(UserDirectory users, LoginThrottle throttle) {
    this.users = requireNonNull(users, "users");
    this.throttle = requireNonNull(throttle, "throttle");
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String name = authentication.getName();
    String token = String.valueOf(authentication.getCredentials());
    String key = LoginThrottle.key(name, clientAddress(authentication));
    Optional<ApiUser> user = users.byName(name);
    boolean matches = ApiTokens.matches(token, user.map(ApiUser::tokenHash).orElse(NO_USER_HASH));
    if (user.isEmpty() || !matches) {
      throttle.failed(key);
      throw new BadCredentialsException("unknown user or wrong token");
    }
    throttle.succeeded(key);
    return new ViewerAuthentication(user.get().viewer(), user.get().signsOff());
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }

  private static String clientAddress(Authentication authentication) {
    return authentication.getDetails() instanceof WebAuthenticationDetails details
        ? details.getRemoteAddress()
        : null;
  }
}
