package uk.gov.tfwh.api.submission;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;
import uk.gov.tfwh.returns.history.ReturnHistory;
import uk.gov.tfwh.returns.history.ReturnVersion;
import uk.gov.tfwh.returns.model.Finding;
import uk.gov.tfwh.returns.model.ReturnFileName;
import uk.gov.tfwh.returns.model.ReturnFormat;
import uk.gov.tfwh.returns.model.ReturnOutcome;
import uk.gov.tfwh.returns.model.ReturnSource;
import uk.gov.tfwh.returns.model.ReturnSummary;
import uk.gov.tfwh.returns.model.SourceFile;
import uk.gov.tfwh.returns.read.LandingFolder;
import uk.gov.tfwh.returns.read.LandingScan;
import uk.gov.tfwh.returns.read.ReturnReader;
import uk.gov.tfwh.returns.rules.Location;
import uk.gov.tfwh.returns.rules.Rule;

/**
 * The load's own checks on one upload, through the public API of {@code etl/returns}: the landing
 * folder's scan (which files make a return), the reader with every single-return rule, and the
 * history rules over the authority's earlier submitted returns (stale resubmission, a revision or a
 * fall without a note, a jump). Plus the one check only the service can make: the return is for the
 * authority of the signed-in user.
 */
final class ReturnCheck {
  private final ReturnReader reader;
  private final SubmissionStore store;
  private final EarlierReturns warehouse;
  private final Map<String, Optional<ReturnVersion>> versions = new ConcurrentHashMap<>();

  /**
   * The versions the warehouse already holds of an authority's return for a quarter and the one
   * before it (the load's, including returns an operator dropped in), so a new submission is judged
   * against them as the load will judge it.
   */
  @FunctionalInterface
  interface EarlierReturns {
    List<ReturnVersion> versions(String authority, Phase phase, Quarter quarter);

    EarlierReturns NONE = (authority, phase, quarter) -> List.of();
  }

  ReturnCheck(ReturnReader reader, SubmissionStore store, EarlierReturns warehouse) {
    this.reader = requireNonNull(reader, "reader");
    this.store = requireNonNull(store, "store");
    this.warehouse = requireNonNull(warehouse, "warehouse");
  }

  ReturnCheck(ReturnReader reader, SubmissionStore store) {
    this(reader, store, EarlierReturns.NONE);
  }

  ReturnReader reader() {
    return reader;
  }

  /**
   * Checks the files in {@code dir} as a return of {@code authority}.
   *
   * @param ofAuthority the authority's submissions so far, for the history rules
   * @param shown how to show a stored file name to the sender (the name they uploaded)
   */
  CheckedReturn check(
      Path dir,
      String authority,
      List<SubmissionRecord> ofAuthority,
      UnaryOperator<String> shown,
      java.time.Instant receivedAt) {
    List<SubmissionFinding> findings = new ArrayList<>();
    LandingScan scan = LandingFolder.scan(dir);
    List<String> lonelySummaries = lonelySummaryStemsAsSent(scan, shown);
    scan.findings()
        .forEach(f -> findings.add(shownFinding(asSent(f, shown, lonelySummaries), shown)));
    if (scan.returns().size() != 1) {
      String problem =
          scan.returns().isEmpty()
              ? "the upload holds no return: send one workbook (.xlsx), or a <stem>.summary.csv"
                  + " with its optional <stem>.claims.csv"
              : "the upload holds more than one return: send one workbook, or one CSV pair";
      findings.add(
          SubmissionFinding.of(Rule.F04.at(Location.ofFile("the upload"), problem), "the upload"));
      return new CheckedReturn(
          scan.returns().isEmpty() ? null : scan.returns().get(0), null, findings);
    }
    ReturnSource source = scan.returns().get(0);
    ReturnOutcome outcome = reader.read(dir, source);
    // The service names the stored files after the submitter's authority, so rule S16's check of
    // the file name would speak of a name the sender never gave: S16's check of the sender below
    // says the same of the return's authority_code, in the sender's terms.
    outcome.findings().stream()
        .filter(f -> !Rule.S16.id().equals(f.ruleId()))
        .forEach(f -> findings.add(shownFinding(f, shown)));
    String claimed =
        outcome.summary().map(s -> s.authorityCode()).orElse(outcome.identity().authorityCode());
    if (claimed != null && !claimed.equals(authority)) {
      Location cell =
          Location.ofCell(
              shown.apply(source.files().get(0).name()),
              Location.SUMMARY,
              outcome.summary().map(s -> s.row()).orElse(2),
              "authority_code");
      // Worded for the sender rather than with S16's action (which speaks of file names).
      findings.add(
          shownFinding(
              Rule.S16.at(
                  cell,
                  "This return is for "
                      + claimed
                      + ", but you are sending returns for "
                      + authority,
                  "Send "
                      + authority
                      + "'s own return; nothing from this file was kept for loading."),
              UnaryOperator.identity()));
      return new CheckedReturn(source, null, findings, outcome.identity());
    }
    if (outcome.summary().isEmpty() || rejected(findings)) {
      return new CheckedReturn(source, null, findings, outcome.identity());
    }
    var summary = outcome.summary().orElseThrow();
    history(outcome, authority, ofAuthority, summary, findings, shown, receivedAt);
    return new CheckedReturn(
        source, rejected(findings) ? null : summary, findings, outcome.identity());
  }

  private void history(
      ReturnOutcome outcome,
      String authority,
      List<SubmissionRecord> ofAuthority,
      ReturnSummary summary,
      List<SubmissionFinding> findings,
      UnaryOperator<String> shown,
      java.time.Instant receivedAt) {
    Phase phase = summary.phase();
    List<ReturnVersion> series = new ArrayList<>();
    java.util.Set<String> submitted = new java.util.HashSet<>();
    for (SubmissionRecord earlier : ofAuthority) {
      if (earlier.state() == SubmissionState.SUBMITTED
          && earlier.phase() != null
          && earlier.phase() == phase.number()) {
        versionOf(earlier).ifPresent(series::add);
        submitted.add(earlier.id());
      }
    }
    // What the warehouse holds that did not come through this service (an operator's drops, or a
    // service that started after the first loads).
    for (ReturnVersion loaded : warehouse.versions(authority, phase, summary.quarter())) {
      if (!submitted.contains(loaded.returnId())) {
        series.add(loaded);
      }
    }
    // Ordered by the service's clock, as the load orders them from the sidecars.
    ReturnVersion now = ReturnVersion.received(outcome, 1, receivedAt);
    series.add(now);
    ReturnHistory.Result result = ReturnHistory.decide(series);
    for (Finding finding : result.findings()) {
      if (finding.file().equals(now.file())) {
        findings.add(shownFinding(finding, shown));
      }
    }
  }

  /** An earlier submitted return as the history rules need it; read once, then remembered. */
  private Optional<ReturnVersion> versionOf(SubmissionRecord record) {
    return versions.computeIfAbsent(
        record.id(),
        id -> {
          List<SourceFile> files = new ArrayList<>();
          record
              .mainFile()
              .ifPresent(f -> files.add(new SourceFile(f.name(), f.sizeBytes(), f.sha256())));
          record.files().stream()
              .filter(f -> ReturnFileName.Part.CLAIMS.is(f.part()))
              .forEach(f -> files.add(new SourceFile(f.name(), f.sizeBytes(), f.sha256())));
          if (files.isEmpty()) {
            return Optional.empty();
          }
          ReturnFormat format =
              ReturnFileName.parse(files.get(0).name())
                  .map(n -> n.part().format())
                  .orElse(ReturnFormat.CSV);
          ReturnOutcome earlier =
              reader.read(store.landing(), new ReturnSource(record.id(), format, files));
          // Batch 0: every earlier return arrived before the one being checked.
          return earlier.accepted()
              ? Optional.of(ReturnVersion.received(earlier, 0, record.receivedAt()))
              : Optional.empty();
        });
  }

  /**
   * A file kept as no part of a return is under a name of the service's own, so what its name was
   * likely meant to be is worked out again from the name its sender gave.
   */
  private static Finding asSent(
      Finding finding, UnaryOperator<String> shown, List<String> lonelySummaries) {
    String sent = shown.apply(finding.file());
    if (!Rule.F04.id().equals(finding.ruleId()) || sent.equals(finding.file())) {
      return finding;
    }
    if (!ReturnFileName.isPartOfReturn(finding.file())) {
      return Rule.F04.at(Location.ofFile(finding.file()), LandingFolder.notPartOfAReturn(sent));
    }
    // A claims file kept apart from the summary, whose stem was another: said of the sent stems.
    return ReturnFileName.parse(sent)
        .filter(name -> name.part() == ReturnFileName.Part.CLAIMS)
        .map(
            name ->
                Rule.F04.at(
                    Location.ofFile(finding.file()),
                    LandingFolder.withoutItsSummary(name.stem(), lonelySummaries)))
        .orElse(finding);
  }

  /** The stems, as the sender gave them, of the upload's summaries that came without claims. */
  private static List<String> lonelySummaryStemsAsSent(
      LandingScan scan, UnaryOperator<String> shown) {
    return scan.returns().stream()
        .filter(r -> r.files().size() == 1)
        .map(r -> shown.apply(r.files().get(0).name()))
        .flatMap(name -> ReturnFileName.parse(name).stream())
        .filter(name -> name.part() == ReturnFileName.Part.SUMMARY)
        .map(ReturnFileName::stem)
        .toList();
  }

  private static boolean rejected(List<SubmissionFinding> findings) {
    return findings.stream().anyMatch(SubmissionFinding::rejectsReturn);
  }

  private static SubmissionFinding shownFinding(Finding finding, UnaryOperator<String> shown) {
    String file = shown.apply(finding.file());
    return new SubmissionFinding(
        finding.ruleId(),
        finding.severity(),
        file,
        finding.sheet(),
        finding.row(),
        finding.column(),
        shown.apply(finding.message().replace(finding.file(), file)));
  }
}
