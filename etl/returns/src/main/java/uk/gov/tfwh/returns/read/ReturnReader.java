package uk.gov.tfwh.returns.read;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import uk.gov.tfwh.programme.reference.ReferenceData;
import uk.gov.tfwh.returns.check.ClaimsSheet;
import uk.gov.tfwh.returns.check.FileNameAuthority;
import uk.gov.tfwh.returns.check.SummarySheet;
import uk.gov.tfwh.returns.model.Claim;
import uk.gov.tfwh.returns.model.Finding;
import uk.gov.tfwh.returns.model.ReturnFileName;
import uk.gov.tfwh.returns.model.ReturnFormat;
import uk.gov.tfwh.returns.model.ReturnIdentity;
import uk.gov.tfwh.returns.model.ReturnOutcome;
import uk.gov.tfwh.returns.model.ReturnSource;
import uk.gov.tfwh.returns.model.ReturnSummary;
import uk.gov.tfwh.returns.model.Severity;
import uk.gov.tfwh.returns.model.SourceFile;
import uk.gov.tfwh.returns.rules.Location;
import uk.gov.tfwh.returns.rules.Rule;
import uk.gov.tfwh.returns.sheet.CsvSheet;
import uk.gov.tfwh.returns.sheet.SheetReadException;
import uk.gov.tfwh.returns.sheet.SheetSource;
import uk.gov.tfwh.returns.sheet.XlsxWorkbook;

/**
 * Reads one TFQR-1 return (CSV pair or workbook) and applies every rule that can be decided from
 * that return alone: file rules (TFQR-F01 to F05), summary rules (TFQR-S01 to S12), claim-row rules
 * (TFQR-C01 to C07) and the former-code note (TFQR-N01). Rules over several returns are in {@code
 * uk.gov.tfwh.returns.history}.
 *
 * <p>{@link #read} never throws for bad input: every return ends in a {@link ReturnOutcome} whose
 * findings say what was wrong. The reader is {@link Serializable} (it holds only the reference data
 * and the limits), so a Spark job can ship it to executors.
 */
public final class ReturnReader implements Serializable {
  private static final long serialVersionUID = 1L;

  private final ReferenceData reference;
  private final ReadLimits limits;
  private final Clock clock;

  public ReturnReader(ReferenceData reference, ReadLimits limits) {
    this(reference, limits, Clock.systemUTC());
  }

  /**
   * @param clock the time a return is read, against which its submitted_at must not be in the
   *     future (TFQR-S13)
   */
  public ReturnReader(ReferenceData reference, ReadLimits limits, Clock clock) {
    this.reference = requireNonNull(reference, "reference");
    this.limits = requireNonNull(limits, "limits");
    this.clock = requireNonNull(clock, "clock");
  }

  /**
   * Reads and checks a return found by {@link LandingFolder#scan} in {@code landingDir}.
   *
   * @return the outcome: accepted (with its conformed summary and accepted claims) or rejected,
   *     with every finding
   */
  public ReturnOutcome read(Path landingDir, ReturnSource source) {
    requireNonNull(landingDir, "landingDir");
    requireNonNull(source, "source");
    List<Finding> findings = new ArrayList<>();
    List<Path> paths = new ArrayList<>();
    for (SourceFile file : source.files()) {
      Optional<Path> path = usablePath(landingDir, file, findings);
      if (path.isEmpty()) {
        return rejected(source, 0, findings, ReturnIdentity.UNKNOWN);
      }
      paths.add(path.get());
    }
    try {
      return source.format() == ReturnFormat.CSV
          ? readCsv(source, paths, findings)
          : readXlsx(source, paths.get(0), findings);
    } catch (RuntimeException | LinkageError e) {
      // A defect or a library failure on some unforeseen input still ends in an outcome, so one
      // strange file never stops the batch; the message carries the detail to investigate.
      findings.add(
          Rule.F02.at(
              Location.ofFile(source.id()),
              "the return could not be read ("
                  + e.getClass().getSimpleName()
                  + ": "
                  + e.getMessage()
                  + ")"));
      return rejected(source, 0, findings, ReturnIdentity.UNKNOWN);
    }
  }

  /** The file's path, if it is still there, plain, and within the size limit. */
  private Optional<Path> usablePath(Path landingDir, SourceFile file, List<Finding> findings) {
    if (LandingFolder.unsafeReason(file.name()) != null) {
      findings.add(
          Rule.F04.at(
              Location.ofFile(Rule.quote(file.name())),
              "the file name " + LandingFolder.unsafeReason(file.name())));
      return Optional.empty();
    }
    Path path = landingDir.resolve(file.name());
    try {
      if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
        findings.add(
            Rule.F04.at(
                Location.ofFile(file.name()),
                "the file is no longer in the landing folder, or is not a plain file"));
        return Optional.empty();
      }
      long size = Files.size(path);
      if (size > limits.maxFileBytes()) {
        findings.add(
            Rule.F03.at(
                Location.ofFile(file.name()),
                "the file is "
                    + size
                    + " bytes, over the limit of "
                    + limits.maxFileBytes()
                    + " bytes; it was not read"));
        return Optional.empty();
      }
    } catch (IOException e) {
      findings.add(
          Rule.F04.at(
              Location.ofFile(file.name()), "the file could not be read (" + e.getMessage() + ")"));
      return Optional.empty();
    }
    return Optional.of(path);
  }

  private ReturnOutcome readCsv(ReturnSource source, List<Path> paths, List<Finding> findings) {
    Path summaryPath = null;
    Path claimsPath = null;
    for (Path path : paths) {
      boolean claims =
          ReturnFileName.parse(path.getFileName().toString())
              .filter(n -> n.part() == ReturnFileName.Part.CLAIMS)
              .isPresent();
      if (claims) {
        claimsPath = path;
      } else {
        summaryPath = path;
      }
    }
    if (summaryPath == null) {
      findings.add(
          Rule.F04.at(Location.ofFile(source.id()), "the return has no <stem>.summary.csv file"));
      return rejected(source, 0, findings, ReturnIdentity.UNKNOWN);
    }
    SheetSource summary = new CsvSheet(summaryPath, Location.SUMMARY);
    SheetSource claims = claimsPath == null ? null : new CsvSheet(claimsPath, Location.CLAIMS);
    return check(source, summary, claims, findings);
  }

  private ReturnOutcome readXlsx(ReturnSource source, Path path, List<Finding> findings) {
    try (XlsxWorkbook workbook = XlsxWorkbook.open(path, limits.xlsx())) {
      SheetSource summary = workbook.sheet(Location.SUMMARY);
      SheetSource claims = workbook.sheet(Location.CLAIMS);
      return check(source, summary, claims, findings);
    } catch (SheetReadException e) {
      findings.add(e.finding());
      return rejected(source, 0, findings, ReturnIdentity.UNKNOWN);
    }
  }

  private ReturnOutcome check(
      ReturnSource source,
      SheetSource summarySheet,
      SheetSource claimsSheet,
      List<Finding> findings) {
    SummarySheet.Result read =
        SummarySheet.read(summarySheet, reference, clock.instant(), findings);
    Optional<ReturnSummary> summary =
        read.summary().filter(s -> FileNameAuthority.agrees(source, s, reference, findings));
    ClaimsSheet.Result claims =
        claimsSheet == null
            ? new ClaimsSheet.Result(List.of(), 0)
            : ClaimsSheet.check(claimsSheet, summary.orElse(null), limits.maxClaimRows(), findings);
    boolean rejected =
        summary.isEmpty()
            || findings.stream().anyMatch(f -> f.severity() == Severity.RETURN_REJECTED);
    if (rejected) {
      return rejected(source, claims.rowsRead(), findings, read.identity());
    }
    List<Claim> accepted = claims.claims();
    return new ReturnOutcome(
        source,
        summary.get(),
        accepted,
        claims.rowsRead(),
        claims.rowsRead() - accepted.size(),
        findings,
        read.identity());
  }

  /**
   * A rejected return, placed in its authority and quarter by what its cells said where they were
   * right, else by its file name.
   */
  private ReturnOutcome rejected(
      ReturnSource source, int claimRowsRead, List<Finding> findings, ReturnIdentity fromCells) {
    return new ReturnOutcome(
        source,
        null,
        List.of(),
        claimRowsRead,
        claimRowsRead,
        findings,
        fromCells.orElse(FileNameAuthority.identity(source.stem(), reference)));
  }

  /** The limits this reader applies. */
  public ReadLimits limits() {
    return limits;
  }
}
