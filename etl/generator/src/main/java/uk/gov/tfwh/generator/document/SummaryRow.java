package uk.gov.tfwh.generator.document;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import uk.gov.tfwh.generator.plan.PlannedFigures;
import uk.gov.tfwh.programme.period.Phase;

/**
 * The one data row of a return's summary sheet, with the values typed as an XLSX return holds them
 * (a result of the other phase is null: left empty).
 *
 * @param authorityCode the code as the authority wrote it (a former code before April 2013)
 */
public record SummaryRow(
    String authorityCode,
    Phase phase,
    PlannedFigures figures,
    OffsetDateTime submittedAt,
    String submittedBy,
    String sroSignOff,
    String revisionNote) {
  /** The summary columns in the contract's order. */
  public static final List<String> COLUMNS =
      List.of(
          "template",
          "authority_code",
          "phase",
          "period_end",
          "families_identified",
          "families_attached",
          "results_crime_asb_education",
          "results_continuous_employment",
          "results_progress_to_work",
          "results_sustained_progress",
          "submitted_at",
          "submitted_by",
          "sro_sign_off",
          "revision_note");

  /** submitted_at as the contract shows it: seconds and a numeric offset, never "Z". */
  public static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

  public SummaryRow {
    requireNonNull(authorityCode, "authorityCode");
    requireNonNull(phase, "phase");
    requireNonNull(figures, "figures");
    requireNonNull(submittedAt, "submittedAt");
    requireNonNull(submittedBy, "submittedBy");
    requireNonNull(sroSignOff, "sroSignOff");
  }

  public LocalDate periodEnd() {
    return figures.quarter().end();
  }

  /**
   * The typed values in {@link #COLUMNS} order: text as String, counts as Long, period_end as
   * LocalDate, an empty cell as null. submitted_at stays text: a spreadsheet date has no offset.
   */
  public List<Object> values() {
    boolean one = phase == Phase.ONE;
    return new ArrayList<>(
        Arrays.asList(
            "TFQR-1",
            authorityCode,
            (long) phase.number(),
            periodEnd(),
            figures.identified(),
            figures.attached(),
            one ? figures.crimeAsbEducation() : null,
            figures.continuousEmployment(),
            one ? figures.progressToWork() : null,
            one ? null : figures.sustainedProgress(),
            TIMESTAMP.format(submittedAt),
            submittedBy,
            sroSignOff,
            revisionNote));
  }

  public SummaryRow withFigures(PlannedFigures newFigures) {
    return new SummaryRow(
        authorityCode, phase, newFigures, submittedAt, submittedBy, sroSignOff, revisionNote);
  }

  public SummaryRow resubmitted(OffsetDateTime at, String by, String note) {
    return new SummaryRow(authorityCode, phase, figures, at, by, sroSignOff, note);
  }
}
