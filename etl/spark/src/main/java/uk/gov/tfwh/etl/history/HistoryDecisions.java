package uk.gov.tfwh.etl.history;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.gov.tfwh.etl.read.ReadReturn;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.returns.history.ReturnHistory;
import uk.gov.tfwh.returns.history.ReturnVersion;
import uk.gov.tfwh.returns.model.Finding;

/**
 * Applies the history rules ({@link ReturnHistory}) to every accepted return, one authority and
 * phase at a time, and records the outcome of every return read.
 */
public final class HistoryDecisions {
  private final Map<String, VersionStatus> status;
  private final Map<String, ReturnHistory.Decision> decisions;
  private final Map<String, List<Finding>> findingsByReturn;

  private HistoryDecisions(
      Map<String, VersionStatus> status,
      Map<String, ReturnHistory.Decision> decisions,
      Map<String, List<Finding>> findingsByReturn) {
    this.status = status;
    this.decisions = decisions;
    this.findingsByReturn = findingsByReturn;
  }

  public static HistoryDecisions decide(List<ReadReturn> returns) {
    Map<String, VersionStatus> status = new HashMap<>(returns.size() * 2);
    // In the order the returns came: what each series decides does not depend on the others'.
    Map<Series, List<ReturnVersion>> series = new LinkedHashMap<>();
    for (ReadReturn read : returns) {
      if (!read.accepted()) {
        status.put(read.returnId(), VersionStatus.REJECTED);
        continue;
      }
      var summary = read.acceptedSummary();
      series
          .computeIfAbsent(
              new Series(summary.authorityCode(), summary.phase()), k -> new ArrayList<>())
          .add(
              new ReturnVersion(
                  read.returnId(),
                  read.summaryFile(),
                  read.batch(),
                  read.receivedAt(),
                  summary,
                  read.fingerprint(),
                  read.provenance().viaService()));
    }
    Map<String, ReturnHistory.Decision> decisions = new HashMap<>(returns.size() * 2);
    Map<String, List<Finding>> findings = new HashMap<>();
    for (List<ReturnVersion> versions : series.values()) {
      ReturnHistory.Result result = ReturnHistory.decide(versions);
      for (ReturnHistory.Decision decision : result.decisions()) {
        decisions.put(decision.returnId(), decision);
        status.put(decision.returnId(), statusOf(decision.status()));
      }
      for (Finding finding : result.findings()) {
        findings
            .computeIfAbsent(returnOfFile(versions, finding.file()), k -> new ArrayList<>())
            .add(finding);
      }
    }
    return new HistoryDecisions(status, decisions, findings);
  }

  /** One authority's returns of one phase: the history rules judge each series apart. */
  private record Series(String authorityCode, Phase phase) {}

  /** The version a history finding is about, by the file it names; few versions have findings. */
  private static String returnOfFile(List<ReturnVersion> versions, String file) {
    for (ReturnVersion version : versions) {
      if (version.file().equals(file)) {
        return version.returnId();
      }
    }
    throw new IllegalStateException("history finding about an unknown file " + file);
  }

  private static VersionStatus statusOf(ReturnHistory.Status status) {
    return switch (status) {
      case CURRENT -> VersionStatus.CURRENT;
      case SUPERSEDED -> VersionStatus.SUPERSEDED;
      case STALE -> VersionStatus.STALE;
      case IDENTICAL_COPY -> VersionStatus.IDENTICAL_COPY;
    };
  }

  public VersionStatus status(String returnId) {
    return requireNonNull(status.get(returnId), "no decision for return " + returnId);
  }

  public Optional<ReturnHistory.Decision> decision(String returnId) {
    return Optional.ofNullable(decisions.get(returnId));
  }

  /** Findings of the history rules about a return (H01, N02, W02, W04). */
  public List<Finding> findings(String returnId) {
    return findingsByReturn.getOrDefault(returnId, List.of());
  }
}
