package uk.gov.tfwh.api.submission;

import static java.util.Objects.requireNonNull;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.springframework.context.ApplicationListener;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.stereotype.Component;
import uk.gov.tfwh.api.access.Role;
import uk.gov.tfwh.api.access.Viewer;
import uk.gov.tfwh.api.access.ViewerAuthentication;

/**
 * Puts every refusal of a signed-in user by the access rules on a submission resource or page into
 * the audit log (a coordinator sending for another authority, a minister opening the upload): the
 * service's own refusals are audited where they happen. Anonymous callers are only asked to sign
 * in, so nothing is recorded for them.
 */
@Component
class RefusedAccessAudit implements ApplicationListener<AuthorizationDeniedEvent<?>> {
  private final SubmissionDesk desk;
  private final Clock clock = Clock.systemUTC();

  RefusedAccessAudit(SubmissionDesk desk) {
    this.desk = requireNonNull(desk, "desk");
  }

  @Override
  public void onApplicationEvent(AuthorizationDeniedEvent<?> event) {
    if (!desk.isOpen() || !(event.getSource() instanceof HttpServletRequest request)) {
      return;
    }
    String path = request.getRequestURI();
    if (!path.startsWith("/api/v1/submissions") && !path.startsWith("/submissions")) {
      return;
    }
    if (!(event.getAuthentication().get() instanceof ViewerAuthentication signedIn)) {
      return;
    }
    Viewer viewer = signedIn.getPrincipal();
    // Asked only of a coordinator, as the access rule asks it (a coordinator's upload has been
    // read to find the authority it is for): reading anyone else's would parse and spool the body
    // of an upload refused without reading it.
    String asked = viewer.role() == Role.COORDINATOR ? request.getParameter("authority") : null;
    desk.submissions()
        .audit()
        .append(
            new AuditLog.Entry(
                clock.instant(),
                viewer.name(),
                viewer.role().name(),
                AuditLog.Action.REFUSED,
                asked != null ? asked : viewer.authority(),
                viewer.role() == Role.NATIONAL,
                null,
                null,
                "refused by the access rules: " + request.getMethod() + " " + path));
  }
}
