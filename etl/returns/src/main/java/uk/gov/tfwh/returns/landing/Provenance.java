package uk.gov.tfwh.returns.landing;

import java.io.Serializable;
import java.time.Instant;

/**
 * How a return reached the landing folder: through the submission service (who sent it and when the
 * service received it, which then orders it) or by an operator's drop (no sidecar; received when a
 * load first saw it).
 *
 * @param submissionId the service's id, null for an operator's drop
 * @param receivedAt the service's clock when the upload arrived, null for an operator's drop
 * @param submitter the signed-in user who sent it, null for an operator's drop
 * @param onBehalf the national team sent it for the authority
 */
public record Provenance(
    String submissionId, Instant receivedAt, String submitter, boolean onBehalf)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final Provenance OPERATOR_DROP = new Provenance(null, null, null, false);

  public Provenance {
    if ((submissionId == null) != (receivedAt == null)
        || (submissionId == null) != (submitter == null)) {
      throw new IllegalArgumentException(
          "a submission has an id, a received time and a submitter; an operator's drop none");
    }
  }

  public boolean viaService() {
    return submissionId != null;
  }

  /** As {@code fact_return.provenance} records it. */
  public String label() {
    return viaService() ? "submission" : "operator drop";
  }
}
