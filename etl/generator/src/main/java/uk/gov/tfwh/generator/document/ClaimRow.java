package uk.gov.tfwh.generator.document;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One claim row as written: text and dates. Faults may put any text in a field, so the values are
 * kept as the authority would have typed them.
 *
 * @param attachedOn a date, or text when a fault made it unreadable
 * @param achievedOn a date, or text when a fault made it unreadable
 */
public record ClaimRow(
    String familyRef, Object attachedOn, String result, Object achievedOn, String problems) {
  public static final List<String> COLUMNS =
      List.of("family_ref", "attached_on", "result", "achieved_on", "problems_at_entry");

  public ClaimRow {
    requireNonNull(familyRef, "familyRef");
    requireNonNull(attachedOn, "attachedOn");
    requireNonNull(result, "result");
    requireNonNull(achievedOn, "achievedOn");
    requireNonNull(problems, "problems");
  }

  public List<Object> values() {
    return new ArrayList<>(Arrays.asList(familyRef, attachedOn, result, achievedOn, problems));
  }

  public ClaimRow withFamilyRef(String ref) {
    return new ClaimRow(ref, attachedOn, result, achievedOn, problems);
  }

  public ClaimRow withResult(String newResult) {
    return new ClaimRow(familyRef, attachedOn, newResult, achievedOn, problems);
  }

  public ClaimRow withDates(LocalDate attached, LocalDate achieved) {
    return new ClaimRow(familyRef, attached, result, achieved, problems);
  }

  public ClaimRow withProblems(String newProblems) {
    return new ClaimRow(familyRef, attachedOn, result, achievedOn, newProblems);
  }
}
