package uk.gov.tfwh.returns.history;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import uk.gov.tfwh.returns.model.Claim;
import uk.gov.tfwh.returns.model.ReturnOutcome;
import uk.gov.tfwh.returns.model.ReturnSummary;

/**
 * One accepted return, as {@link ReturnHistory} needs it.
 *
 * @param returnId unique id of the return (such as {@link
 *     uk.gov.tfwh.returns.model.ReturnSource#id()}, or the load's own id for it)
 * @param file the summary file or workbook, for messages
 * @param batch the order in which returns arrived: every return of one load has the same batch, and
 *     a later load a higher one. It tells a resubmission that arrives late with an old submitted_at
 *     (stale) from versions that arrive together (plain history)
 * @param receivedAt when the warehouse first saw the return (see {@link Arrival})
 * @param summary the accepted summary
 * @param fingerprint what the return says, independent of file names and formats (see {@link
 *     #fingerprint}); equal fingerprints mean identical copies
 * @param receiptTrusted received through the submission service, whose clock gave receivedAt: then
 *     that, not the submitted_at the file states, is when it was submitted
 */
public record ReturnVersion(
    String returnId,
    String file,
    long batch,
    Instant receivedAt,
    ReturnSummary summary,
    String fingerprint,
    boolean receiptTrusted)
    implements Serializable {
  public ReturnVersion {
    requireNonNull(returnId, "returnId");
    requireNonNull(file, "file");
    requireNonNull(receivedAt, "receivedAt");
    requireNonNull(summary, "summary");
    requireNonNull(fingerprint, "fingerprint");
  }

  /** A version whose submitted_at is taken as its sender states it (capped at receivedAt). */
  public ReturnVersion(
      String returnId,
      String file,
      long batch,
      Instant receivedAt,
      ReturnSummary summary,
      String fingerprint) {
    this(returnId, file, batch, receivedAt, summary, fingerprint, false);
  }

  /** A version received when it says it was signed off (for tests of the history rules alone). */
  public ReturnVersion(
      String returnId, String file, long batch, ReturnSummary summary, String fingerprint) {
    this(returnId, file, batch, summary.submittedAt().toInstant(), summary, fingerprint);
  }

  /** When it arrived, as every ordering of versions and claims compares it. */
  public Arrival arrival() {
    return new Arrival(
        batch,
        receivedAt,
        receiptTrusted ? receivedAt.atOffset(ZoneOffset.UTC) : summary.submittedAt());
  }

  /** The version of an accepted outcome, identified by its source's id. */
  public static ReturnVersion of(ReturnOutcome outcome, long batch) {
    ReturnSummary summary =
        outcome
            .summary()
            .orElseThrow(() -> new IllegalArgumentException("a rejected return has no version"));
    return new ReturnVersion(
        outcome.source().id(),
        outcome.source().id(),
        batch,
        summary,
        fingerprint(summary, outcome.claims()));
  }

  /**
   * The version of an accepted outcome received through the submission service at {@code
   * receivedAt}: ordered by that, not by the submitted_at it states.
   */
  public static ReturnVersion received(ReturnOutcome outcome, long batch, Instant receivedAt) {
    ReturnVersion stated = of(outcome, batch);
    return new ReturnVersion(
        stated.returnId(),
        stated.file(),
        batch,
        receivedAt,
        stated.summary(),
        stated.fingerprint(),
        true);
  }

  /**
   * A SHA-256 of what a return says: every summary field as conformed (not the row it was on) and
   * every accepted claim (not their rows or order). A CSV and an XLSX copy of one return share it.
   */
  public static String fingerprint(ReturnSummary summary, List<Claim> claims) {
    StringBuilder text = new StringBuilder();
    append(text, summary.authorityCode(), summary.submittedAuthorityCode(), summary.phase());
    append(text, summary.quarter().end(), summary.familiesIdentified(), summary.familiesAttached());
    append(text, summary.resultsCrimeAsbEducation(), summary.resultsContinuousEmployment());
    append(text, summary.resultsProgressToWork(), summary.resultsSustainedProgress());
    append(text, summary.submittedAt().toInstant(), summary.submittedAt().getOffset());
    append(text, summary.submittedBy(), summary.sroSignOff(), summary.revisionNote());
    List<String> lines = new ArrayList<>();
    for (Claim claim : claims) {
      StringBuilder line = new StringBuilder();
      append(line, claim.familyRef(), claim.attachedOn(), claim.result(), claim.achievedOn());
      append(line, String.join(";", claim.problemsAtEntry()));
      lines.add(line.toString());
    }
    Collections.sort(lines);
    lines.forEach(line -> text.append('\n').append(line));
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of()
          .formatHex(digest.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  // Each value is length-prefixed, so no text can imitate a field boundary.
  private static void append(StringBuilder text, Object... values) {
    for (Object value : values) {
      String shown = value == null ? "" : value.toString();
      text.append(value == null ? -1 : shown.length()).append(':').append(shown).append('|');
    }
  }
}
