package uk.gov.tfwh.etl.report;

import java.util.List;

/**
 * Totals over every return of the load. {@code returnsRead = returnsAccepted + returnsRejected}
 * (rejected includes stale resubmissions and ignored identical copies) and {@code claimRowsRead =
 * claimRowsAccepted + claimRowsRejected}.
 */
public record Totals(
    long returnsRead,
    long returnsAccepted,
    long returnsRejected,
    long returnsCurrent,
    long returnsSuperseded,
    long returnsStale,
    long identicalCopiesIgnored,
    long returnsReadThisLoad,
    long returnsReused,
    long claimRowsRead,
    long claimRowsAccepted,
    long claimRowsRejected,
    long warnings,
    long notes,
    long filesNotPartOfAReturn) {

  public static Totals of(List<ReturnCounts> returns, long filesNotPartOfAReturn) {
    long accepted = returns.stream().filter(ReturnCounts::accepted).count();
    return new Totals(
        returns.size(),
        accepted,
        returns.size() - accepted,
        count(returns, "CURRENT"),
        count(returns, "SUPERSEDED"),
        count(returns, "STALE"),
        count(returns, "IDENTICAL_COPY"),
        returns.stream().filter(r -> !r.reused()).count(),
        returns.stream().filter(ReturnCounts::reused).count(),
        returns.stream().mapToLong(ReturnCounts::claimRowsRead).sum(),
        returns.stream().mapToLong(ReturnCounts::claimRowsAccepted).sum(),
        returns.stream().mapToLong(ReturnCounts::claimRowsRejected).sum(),
        returns.stream().mapToLong(ReturnCounts::warnings).sum(),
        returns.stream().mapToLong(ReturnCounts::notes).sum(),
        filesNotPartOfAReturn);
  }

  private static long count(List<ReturnCounts> returns, String status) {
    return returns.stream().filter(r -> r.status().equals(status)).count();
  }
}
