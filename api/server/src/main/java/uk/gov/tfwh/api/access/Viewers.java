package uk.gov.tfwh.api.access;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The viewer of the request being served. */
public final class Viewers {
  private Viewers() {}

  public static Viewer current() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication instanceof ViewerAuthentication signedIn
        ? signedIn.getPrincipal()
        : Viewer.ANONYMOUS;
  }

  /** Whether the viewer of the request being served signs off their authority's returns. */
  public static boolean currentSignsOff() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication instanceof ViewerAuthentication signedIn && signedIn.signsOff();
  }
}
