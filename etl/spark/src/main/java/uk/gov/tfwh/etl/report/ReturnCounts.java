package uk.gov.tfwh.etl.report;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;

/**
 * What became of one return and its claim rows. {@code claimRowsRead = claimRowsAccepted +
 * claimRowsRejected} always holds.
 *
 * @param status CURRENT, SUPERSEDED, REJECTED, STALE or IDENTICAL_COPY
 * @param reused true when an earlier load had read these exact files and its result was reused
 */
public record ReturnCounts(
    String returnId,
    String stem,
    List<String> files,
    String format,
    String status,
    boolean reused,
    String authorityCode,
    Integer phase,
    LocalDate periodEnd,
    long claimRowsRead,
    long claimRowsAccepted,
    long claimRowsRejected,
    int warnings,
    int notes,
    List<String> rules) {
  public ReturnCounts {
    requireNonNull(returnId, "returnId");
    requireNonNull(stem, "stem");
    requireNonNull(status, "status");
    files = List.copyOf(files);
    rules = List.copyOf(rules);
    if (claimRowsRead != claimRowsAccepted + claimRowsRejected) {
      throw new IllegalArgumentException(
          "claim rows of "
              + stem
              + " do not add up: read "
              + claimRowsRead
              + ", accepted "
              + claimRowsAccepted
              + ", rejected "
              + claimRowsRejected);
    }
  }

  public boolean accepted() {
    return status.equals("CURRENT") || status.equals("SUPERSEDED");
  }
}
