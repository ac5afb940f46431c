package uk.gov.tfwh.generator.fault;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import uk.gov.tfwh.generator.document.ClaimRow;
import uk.gov.tfwh.generator.document.CsvWriter;
import uk.gov.tfwh.generator.document.FileStyle;
import uk.gov.tfwh.generator.document.ReturnDocument;
import uk.gov.tfwh.generator.document.ReturnFormat;
import uk.gov.tfwh.generator.document.SummaryRow;
import uk.gov.tfwh.generator.document.Table;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;
import uk.gov.tfwh.programme.reference.ReferenceData;

/**
 * Writes broken returns: each is an extra return beside an authority's valid one for the same
 * quarter (a first attempt the loader refuses; the valid return stands), so faults never change the
 * national figures. Each is broken in exactly one way, the way its {@link FaultKind} names.
 */
public final class BrokenReturns {
  private final ReferenceData reference;
  private int serial;

  public BrokenReturns(ReferenceData reference) {
    this.reference = requireNonNull(reference, "reference");
  }

  /**
   * Writes one broken return of a return-level kind into {@code dir}.
   *
   * @param valid the valid summary of the authority's quarter it is a broken attempt at
   * @param stem the valid return's stem (the broken one gets its own)
   * @param xlsx whether to send it as a workbook, where the kind allows
   * @return the fault, naming the file the loader will report it under
   */
  public FaultRecord write(
      Path dir,
      FaultKind kind,
      SummaryRow valid,
      String stem,
      FileStyle style,
      boolean xlsx,
      SplittableRandom random)
      throws IOException {
    if (kind.level() != FaultKind.Level.RETURN) {
      throw new IllegalArgumentException(kind + " is a claim row fault");
    }
    String brokenStem = stem + "-attempt" + (++serial);
    ReturnFormat format =
        switch (kind) {
          case NOT_UTF8, RAGGED_ROW, CLAIMS_WITHOUT_SUMMARY -> ReturnFormat.CSV;
          case NOT_A_WORKBOOK -> ReturnFormat.XLSX;
          default -> xlsx ? ReturnFormat.XLSX : ReturnFormat.CSV;
        };
    Table summary = Table.of(valid);
    Quarter quarter = valid.figures().quarter();
    Phase phase = valid.phase();
    LocalDate created = valid.submittedAt().toLocalDate();
    Table empty = new Table(ClaimRow.COLUMNS, List.of());
    String detail;
    String file;
    switch (kind) {
      case UNKNOWN_AUTHORITY -> {
        String code = unknownCode(random);
        summary = summary.withCell("authority_code", code);
        detail = "authority_code " + code + " is not in the reference list";
      }
      case PERIOD_NOT_QUARTER_END -> {
        LocalDate end = YearMonth.from(quarter.end()).minusMonths(1).atEndOfMonth();
        summary = summary.withCell("period_end", end);
        detail = "period_end " + end + " is not the last day of a quarter";
      }
      case PHASE_PERIOD_MISMATCH -> {
        if (phase == Phase.ONE && quarter.isBefore(Phase.TWO.firstQuarter())) {
          summary = asPhase(summary, valid, Phase.TWO);
          detail = "phase 2 return for " + quarter.end() + ", before phase 2 began";
        } else {
          summary =
              asPhase(summary, valid, Phase.ONE).withCell("period_end", LocalDate.of(2016, 3, 31));
          detail = "phase 1 return for 2016-03-31, after phase 1 ended";
        }
      }
      case ATTACHED_ABOVE_IDENTIFIED -> {
        long identified = valid.figures().identified();
        long attached = identified + 1 + random.nextInt(5 + (int) (identified / 20));
        summary = summary.withCell("families_attached", attached);
        detail = "families_attached " + attached + " exceeds families_identified " + identified;
      }
      case OUTCOMES_ABOVE_ATTACHED -> {
        long attached = valid.figures().attached();
        long employment = valid.figures().continuousEmployment();
        long main = attached - employment + 1 + random.nextInt(20);
        summary = summary.withCell(mainResult(phase), main);
        detail = "outcomes " + (main + employment) + " exceed families_attached " + attached;
      }
      case WRONG_TEMPLATE -> {
        summary = summary.withCell("template", "TFQR-0");
        detail = "template TFQR-0";
      }
      case UNKNOWN_COLUMN -> {
        summary = summary.withColumn("notes", "figures agreed with finance");
        detail = "column notes is not in the template";
      }
      case TWO_SUMMARY_ROWS -> {
        summary = summary.withRow(summary.rows().get(0));
        detail = "the summary has 2 data rows";
      }
      case NOT_A_NUMBER -> {
        long attached = valid.figures().attached();
        String text =
            attached >= 1000 ? String.format(Locale.UK, "%,d", attached) : attached + ".5";
        summary = summary.withCell("families_attached", text);
        detail = "families_attached written as " + text;
      }
      case MISSING_COLUMN -> {
        summary = summary.without("families_identified");
        detail = "column families_identified is missing";
      }
      case OTHER_PHASE_RESULT -> {
        String other =
            phase == Phase.ONE ? "results_sustained_progress" : "results_crime_asb_education";
        summary = summary.withCell(other, 0L);
        detail = other + " filled in a phase " + phase.number() + " return";
      }
      case BAD_SUBMITTED_AT -> {
        String text =
            valid.submittedAt().toLocalDateTime().withSecond(0).toString().replace('T', ' ');
        summary = summary.withCell("submitted_at", text);
        detail = "submitted_at " + text + " has no offset";
      }
      case RAGGED_ROW -> {
        List<Object> row = new ArrayList<>(summary.rows().get(0));
        row.add("see covering letter");
        summary = new Table(summary.header(), List.of(row));
        detail = "the data row has one value more than the header";
      }
      case NOT_UTF8 -> {
        Table latin = summary.withCell("sro_sign_off", "Zoë Brontë");
        String text = new String(CsvWriter.write(latin, FileStyle.PLAIN), StandardCharsets.UTF_8);
        file = brokenStem + ".summary.csv";
        Files.write(dir.resolve(file), text.getBytes(StandardCharsets.ISO_8859_1));
        return record(kind, file, valid, "saved as Windows Latin-1, not UTF-8");
      }
      case NOT_A_WORKBOOK -> {
        file = brokenStem + ".xlsx";
        Files.write(dir.resolve(file), CsvWriter.write(summary, FileStyle.PLAIN));
        return record(kind, file, valid, "a CSV file renamed .xlsx");
      }
      case CLAIMS_WITHOUT_SUMMARY -> {
        file = brokenStem + ".claims.csv";
        List<Object> row =
            List.of(
                "0f3a9c2b7d1e4f6a8b0c2d4e6f8a0b1c",
                quarter.start(),
                phase == Phase.ONE ? "CRIME_ASB_EDUCATION" : "SUSTAINED_PROGRESS",
                quarter.end(),
                phase == Phase.ONE ? "CRIME_ASB;EDUCATION" : "CRIME_ASB;HEALTH");
        Files.write(
            dir.resolve(file), CsvWriter.write(new Table(ClaimRow.COLUMNS, List.of(row)), style));
        return record(kind, file, valid, "a claims file sent without its summary file");
      }
      default -> throw new IllegalArgumentException("not a return fault: " + kind);
    }
    ReturnDocument document =
        new ReturnDocument(brokenStem, format, style, summary, empty, created);
    document.write(dir);
    return record(kind, document.summaryFile(), valid, detail);
  }

  private FaultRecord record(FaultKind kind, String file, SummaryRow valid, String detail) {
    return new FaultRecord(
        kind.rule(),
        file,
        kind == FaultKind.CLAIMS_WITHOUT_SUMMARY ? null : "summary",
        null,
        kind.label(),
        kind.example(),
        valid.authorityCode(),
        valid.phase().number(),
        valid.periodEnd().toString(),
        detail);
  }

  /** The valid figures written as a return of the other phase (its result columns). */
  private static Table asPhase(Table summary, SummaryRow valid, Phase phase) {
    long main = valid.figures().crimeAsbEducation() + valid.figures().sustainedProgress();
    Table changed = summary.withCell("phase", (long) phase.number());
    if (phase == Phase.ONE) {
      return changed
          .withCell("results_crime_asb_education", main)
          .withCell("results_progress_to_work", 0L)
          .withCell("results_sustained_progress", null);
    }
    return changed
        .withCell("results_crime_asb_education", null)
        .withCell("results_progress_to_work", null)
        .withCell("results_sustained_progress", main);
  }

  private static String mainResult(Phase phase) {
    return phase == Phase.ONE ? "results_crime_asb_education" : "results_sustained_progress";
  }

  /** A mistyped GSS code: the right shape, but no authority in the reference list. */
  private String unknownCode(SplittableRandom random) {
    while (true) {
      String code = String.format(Locale.ROOT, "E06999%03d", random.nextInt(1000));
      if (reference.resolve(code).isEmpty()) {
        return code;
      }
    }
  }
}
