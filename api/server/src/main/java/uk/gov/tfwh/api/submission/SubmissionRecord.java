package uk.gov.tfwh.api.submission;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import uk.gov.tfwh.api.access.Role;
import uk.gov.tfwh.returns.model.ReturnFileName;

/**
 * Everything recorded about one submission: its receipt, and the metadata sidecar the load reads
 * ({@code sidecars/<id>.json}, format {@value #FORMAT}, documented in docs/submissions.md). Field
 * names are written in snake case and only ever added to, so a sidecar stays readable.
 *
 * @param format the sidecar's format name and version
 * @param id the submission id, also the stem of its files
 * @param authority from the signed-in user (or the authority the national team acted for), never
 *     from the file
 * @param phase the return's phase, null when it was rejected before its summary could be read
 * @param periodEnd the return's quarter, null likewise
 * @param receivedAt the service's clock when the upload had arrived: orders versions
 * @param submitter the signed-in user's name
 * @param role the submitter's role
 * @param onBehalf true when the national team submitted for the authority
 * @param deadline the end of the quarter's window, null when unknown
 * @param windowVersion the version of the submission windows that set the deadline
 * @param late received after the deadline
 * @param revision the quarter had already been published when this arrived
 * @param files the files as stored, with the name they were uploaded under and their SHA-256
 * @param findings every finding of the rules (and of the service's own checks, without a rule id)
 * @param signOff who signed it off and when; null until then
 */
public record SubmissionRecord(
    String format,
    String id,
    String authority,
    SubmissionState state,
    Integer phase,
    LocalDate periodEnd,
    Instant receivedAt,
    String submitter,
    Role role,
    boolean onBehalf,
    Instant deadline,
    String windowVersion,
    boolean late,
    boolean revision,
    List<StoredFile> files,
    List<SubmissionFinding> findings,
    SignOff signOff) {
  public static final String FORMAT = "tfwh-submission-1";

  public SubmissionRecord {
    requireNonNull(format, "format");
    requireNonNull(id, "id");
    requireNonNull(authority, "authority");
    requireNonNull(state, "state");
    requireNonNull(receivedAt, "receivedAt");
    requireNonNull(submitter, "submitter");
    requireNonNull(role, "role");
    files = List.copyOf(files);
    findings = List.copyOf(findings);
    if ((state == SubmissionState.SUBMITTED) != (signOff != null)) {
      throw new IllegalArgumentException("a submission is submitted exactly when it is signed off");
    }
  }

  /**
   * One file of the submission.
   *
   * @param name its name in the landing folder, the hold or the quarantine
   * @param uploadedAs the name it was uploaded under (shown to people, never used as a path)
   * @param part summary, claims, workbook, or other for a file that is not part of a return
   */
  public record StoredFile(
      String name, String uploadedAs, String part, long sizeBytes, String sha256) {
    public StoredFile {
      requireNonNull(name, "name");
      requireNonNull(uploadedAs, "uploadedAs");
      requireNonNull(part, "part");
      requireNonNull(sha256, "sha256");
    }
  }

  /** The SRO's confirmation. */
  public record SignOff(String by, Instant at) {
    public SignOff {
      requireNonNull(by, "by");
      requireNonNull(at, "at");
    }
  }

  public boolean accepted() {
    return state != SubmissionState.REJECTED;
  }

  /** The quarter's label, such as 2014Q3, or empty when the return could not be read. */
  public Optional<String> quarterLabel() {
    return Optional.ofNullable(periodEnd)
        .map(end -> uk.gov.tfwh.programme.period.Quarter.endingOn(end).label());
  }

  /** The file that names the return in the landing folder: the summary or the workbook. */
  public Optional<StoredFile> mainFile() {
    return files.stream()
        .filter(
            f ->
                ReturnFileName.Part.SUMMARY.is(f.part())
                    || ReturnFileName.Part.WORKBOOK.is(f.part()))
        .findFirst();
  }

  SubmissionRecord signedOff(SignOff by) {
    return new SubmissionRecord(
        format,
        id,
        authority,
        SubmissionState.SUBMITTED,
        phase,
        periodEnd,
        receivedAt,
        submitter,
        role,
        onBehalf,
        deadline,
        windowVersion,
        late,
        revision,
        files,
        findings,
        by);
  }
}
