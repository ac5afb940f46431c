package uk.gov.tfwh.returns.history;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;

/**
 * When a return reached the warehouse, the one order in which versions of a quarter and claims of a
 * family are judged: by the load that first read it ({@code batch}, which only grows), then by the
 * sender's own submitted_at, but never later than the warehouse received the return. The sender's
 * date is a statement, not a fact: a return dated in the future cannot jump ahead of returns the
 * warehouse received after it, nor lock its quarter against later corrections, and a return
 * received later cannot take an earlier one's claims and payments by dating itself earlier.
 *
 * @param batch the load that first read the return (0 for the first load)
 * @param receivedAt when that load first saw the return's files
 * @param submittedAt the return's submitted_at, as the sender wrote it
 */
public record Arrival(long batch, Instant receivedAt, OffsetDateTime submittedAt)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Received first comes first; within one load, the earlier credible signing time. */
  public static final Comparator<Arrival> ORDER =
      Comparator.comparingLong(Arrival::batch).thenComparing(Arrival::credibleSubmission);

  public Arrival {
    requireNonNull(receivedAt, "receivedAt");
    requireNonNull(submittedAt, "submittedAt");
  }

  /**
   * The return's submitted_at, but no later than the warehouse received it: what the warehouse can
   * believe of when the return was signed off.
   */
  public Instant credibleSubmission() {
    Instant said = submittedAt.toInstant();
    return said.isAfter(receivedAt) ? receivedAt : said;
  }
}
