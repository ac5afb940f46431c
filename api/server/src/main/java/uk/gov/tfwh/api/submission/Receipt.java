package uk.gov.tfwh.api.submission;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A submission as its sender and the national team see it: the receipt the service gives when a
 * return arrives, retrievable later with where it has got to since.
 *
 * @param outcome {@code accepted} or {@code rejected}
 * @param state {@code received} (accepted, awaiting sign-off), {@code submitted}, {@code rejected},
 *     {@code loaded} or {@code published}
 * @param checksum the SHA-256 of the return's main file (the summary or the workbook)
 * @param loadedSnapshot the snapshot whose load first read it, null until then
 * @param publishedSnapshot the published snapshot that holds it, null until then
 */
public record Receipt(
    String id,
    String authority,
    String outcome,
    String state,
    String stateLabel,
    Integer phase,
    LocalDate period,
    String quarterLabel,
    Instant receivedAt,
    String submitter,
    String role,
    boolean onBehalf,
    Instant deadline,
    boolean late,
    boolean revision,
    String checksum,
    List<SubmissionRecord.StoredFile> files,
    List<SubmissionFinding> findings,
    SubmissionRecord.SignOff signOff,
    String loadedSnapshot,
    String publishedSnapshot) {

  public Receipt {
    requireNonNull(id, "id");
    files = List.copyOf(files);
    findings = List.copyOf(findings);
  }

  static Receipt of(SubmissionRecord record, WarehouseReturns.Progress progress) {
    String state;
    String label;
    if (!record.accepted()) {
      state = "rejected";
      label = "Rejected";
    } else if (record.state() == SubmissionState.AWAITING_SIGN_OFF) {
      state = "awaiting_sign_off";
      label = "Received, awaiting sign-off";
    } else if (progress.publishedIn().isPresent()) {
      state = "published";
      label = "Published in " + progress.publishedIn().get();
    } else if (progress.loadedIn().isPresent()) {
      state = "loaded";
      label = "Loaded into snapshot " + progress.loadedIn().get();
    } else {
      state = "submitted";
      label = "Submitted, waiting for the next load";
    }
    return new Receipt(
        record.id(),
        record.authority(),
        record.accepted() ? "accepted" : "rejected",
        state,
        label,
        record.phase(),
        record.periodEnd(),
        record.quarterLabel().orElse(null),
        record.receivedAt(),
        record.submitter(),
        record.role().name(),
        record.onBehalf(),
        record.deadline(),
        record.late(),
        record.revision(),
        record.mainFile().map(SubmissionRecord.StoredFile::sha256).orElse(null),
        record.files(),
        record.findings(),
        record.signOff(),
        progress.loadedIn().orElse(null),
        progress.publishedIn().orElse(null));
  }

  /** How many findings reject the return, warn, and note. */
  public long rejections() {
    return findings.stream().filter(SubmissionFinding::rejectsReturn).count();
  }

  public long warnings() {
    return findings.size() - rejections();
  }
}
