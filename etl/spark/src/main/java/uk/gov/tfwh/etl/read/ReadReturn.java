package uk.gov.tfwh.etl.read;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.gov.tfwh.programme.outcome.ClaimResult;
import uk.gov.tfwh.returns.history.Arrival;
import uk.gov.tfwh.returns.landing.Provenance;
import uk.gov.tfwh.returns.model.Finding;
import uk.gov.tfwh.returns.model.ReturnIdentity;
import uk.gov.tfwh.returns.model.ReturnSource;
import uk.gov.tfwh.returns.model.ReturnSummary;

/**
 * One return as the reader left it, without its claim rows (those travel as Spark rows, see {@link
 * ClaimRows}) but with their keys. Kept in the snapshot's load state so a later load reuses it
 * instead of reading the file again.
 *
 * @param returnId the stable id of this version: a hash of its files' names and checksums
 * @param batch the load that first read it (0 for the first load); orders resubmissions
 * @param receivedAt when that load first saw the return: with the batch, the arrival that orders
 *     versions and national claims ({@code Arrival}), never the sender's own submitted_at
 * @param loadedSnapshotId the snapshot of that load
 * @param acceptedSummary the conformed summary, or null when the reader rejected the return
 * @param fingerprint what the return says ({@code ReturnVersion.fingerprint}), null when rejected
 * @param claimRowsRead claim rows in the return
 * @param claimRowsRejected claim rows the return's own rules (or its rejection) refused
 * @param claimKeys family, row and result of each claim row that passed the return's own rules:
 *     what the national claim rules judge, so no load reads earlier quarters' claim rows for them
 * @param findings what the reader found
 * @param identity whose return and for when, as far as could be read (for a rejected one too)
 * @param provenance through the submission service (whose clock then gave receivedAt) or an
 *     operator's drop
 */
public record ReadReturn(
    String returnId,
    ReturnSource source,
    long batch,
    Instant receivedAt,
    String loadedSnapshotId,
    ReturnSummary acceptedSummary,
    String fingerprint,
    int claimRowsRead,
    int claimRowsRejected,
    ClaimKeys claimKeys,
    List<Finding> findings,
    ReturnIdentity identity,
    Provenance provenance)
    implements Serializable {
  // 3: claimKeys. 4: receivedAt, and family references in one case. 5: provenance. A load state
  // of an older build is refused, so everything is read again (once, with this load's time as
  // received_at, or the submission service's for a return it received).
  private static final long serialVersionUID = 5L;

  /** A return dropped into the landing folder by an operator (no sidecar). */
  public ReadReturn(
      String returnId,
      ReturnSource source,
      long batch,
      Instant receivedAt,
      String loadedSnapshotId,
      ReturnSummary acceptedSummary,
      String fingerprint,
      int claimRowsRead,
      int claimRowsRejected,
      ClaimKeys claimKeys,
      List<Finding> findings,
      ReturnIdentity identity) {
    this(
        returnId,
        source,
        batch,
        receivedAt,
        loadedSnapshotId,
        acceptedSummary,
        fingerprint,
        claimRowsRead,
        claimRowsRejected,
        claimKeys,
        findings,
        identity,
        Provenance.OPERATOR_DROP);
  }

  public ReadReturn {
    requireNonNull(returnId, "returnId");
    requireNonNull(source, "source");
    requireNonNull(receivedAt, "receivedAt");
    requireNonNull(identity, "identity");
    requireNonNull(provenance, "provenance");
    requireNonNull(loadedSnapshotId, "loadedSnapshotId");
    findings = List.copyOf(findings);
    requireNonNull(claimKeys, "claimKeys");
    if (claimKeys.size() != claimRowsRead - claimRowsRejected) {
      throw new IllegalArgumentException("claim keys do not add up in " + returnId);
    }
    if (acceptedSummary != null) {
      requireNonNull(fingerprint, "fingerprint");
    }
    if (claimRowsRejected > claimRowsRead) {
      throw new IllegalArgumentException("more claim rows rejected than read in " + returnId);
    }
  }

  /** When it reached the warehouse, as versions and claims are ordered; accepted returns only. */
  public Arrival arrival() {
    // The service's clock is trusted over what the file says of itself.
    return new Arrival(
        batch,
        receivedAt,
        provenance.viaService()
            ? receivedAt.atOffset(ZoneOffset.UTC)
            : acceptedSummary.submittedAt());
  }

  public Optional<ReturnSummary> summary() {
    return Optional.ofNullable(acceptedSummary);
  }

  public boolean accepted() {
    return acceptedSummary != null;
  }

  /** Claim rows that passed the return's own rules (national rules come later). */
  public int claimRowsAcceptedOnRead() {
    return claimRowsRead - claimRowsRejected;
  }

  /** The claim rows that passed the return's own rules, by result. */
  public Map<ClaimResult, Integer> acceptedOnReadByResult() {
    Map<ClaimResult, Integer> byResult = new EnumMap<>(ClaimResult.class);
    for (int i = 0; i < claimKeys.size(); i++) {
      byResult.merge(claimKeys.result(i), 1, Integer::sum);
    }
    return byResult;
  }

  /** The summary file or workbook: the name findings about the summary use. */
  public String summaryFile() {
    return source.id();
  }

  /** The file that holds the claims: the claims CSV, or the workbook. */
  public String claimsFile() {
    return source.files().get(source.files().size() - 1).name();
  }
}
