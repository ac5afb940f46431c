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
 *
 * <p>A page session keeps its sign-in between requests, so it is checked against the users file on
 * every request ({@link #stillSignedIn}): {@code ./tfwh users revoke} ends a session at its next
 * request as it ends the token's use on the API.
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
    return signedIn(user.get());
  }

  /**
   * A session's sign-in as the users file has it now: made again from the user's entry when the
   * user still has the token they signed in with (a changed role, authority or SRO flag counts at
   * once), or empty when they were revoked or given another token since, which ends the session.
   */
  public Optional<ViewerAuthentication> stillSignedIn(ViewerAuthentication session) {
    Optional<String> signedInWith = session.tokenHash();
    if (signedInWith.isEmpty()) {
      return Optional.empty(); // not a sign-in of this form: a session holds no other kind
    }
    return users
        .byName(session.getName())
        .filter(user -> ApiTokens.sameHash(signedInWith.get(), user.tokenHash()))
        .map(FormLoginAuthentication::signedIn);
  }

  private static ViewerAuthentication signedIn(ApiUser user) {
    return new ViewerAuthentication(user.viewer(), user.signsOff(), user.tokenHash());
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
