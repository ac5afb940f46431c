package uk.gov.tfwh.returns.check;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import uk.gov.tfwh.programme.outcome.ByResult;
import uk.gov.tfwh.programme.outcome.ClaimResult;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;
import uk.gov.tfwh.programme.plausibility.ReturnBounds;
import uk.gov.tfwh.programme.reference.Authority;
import uk.gov.tfwh.programme.reference.ReferenceData;
import uk.gov.tfwh.programme.reference.ReferenceData.AuthorityCodeMatch;
import uk.gov.tfwh.programme.reference.Target;
import uk.gov.tfwh.returns.model.Finding;
import uk.gov.tfwh.returns.model.ReturnIdentity;
import uk.gov.tfwh.returns.model.ReturnSummary;
import uk.gov.tfwh.returns.model.Severity;
import uk.gov.tfwh.returns.rules.Location;
import uk.gov.tfwh.returns.rules.Rule;
import uk.gov.tfwh.returns.sheet.CellValue;
import uk.gov.tfwh.returns.sheet.SheetSource;

/**
 * The summary sheet and its return-level rules (TFQR-S01 to S12, and the former-code note
 * TFQR-N01). Every problem of the row is reported, not just the first, so the authority can fix the
 * return in one pass.
 */
public final class SummarySheet extends TemplateSheet {
  private final ReferenceData reference;
  private final Instant readAt;
  private int dataRows;
  private int firstRow;
  // The rows of the first few data rows, so that a second one is named (a stray cell far down a
  // workbook, a duplicated line) rather than only counted.
  private final List<Integer> dataRowNumbers = new java.util.ArrayList<>();

  /** The first data row that repeats the header's names, or 0. */
  private int headerRepeat;

  private List<CellValue> firstCells;
  private boolean firstWellFormed;
  private boolean stopped;
  private ReturnIdentity identity = ReturnIdentity.UNKNOWN;

  private SummarySheet(
      SheetSource source, ReferenceData reference, Instant readAt, List<Finding> findings) {
    super(source, Template.SUMMARY_COLUMNS, findings);
    this.reference = requireNonNull(reference, "reference");
    this.readAt = requireNonNull(readAt, "readAt");
  }

  /**
   * Reads and checks the summary sheet, adding every finding to {@code findings}; the conformed
   * summary when the return passed every return-level rule.
   */
  public static Optional<ReturnSummary> check(
      SheetSource source, ReferenceData reference, Instant readAt, List<Finding> findings) {
    return read(source, reference, readAt, findings).summary();
  }

  /** The summary when accepted, and whose return it is as far as its cells say either way. */
  public record Result(Optional<ReturnSummary> summary, ReturnIdentity identity) {}

  /** As {@link #check}, with the identity its cells give even when the return is rejected. */
  public static Result read(
      SheetSource source, ReferenceData reference, Instant readAt, List<Finding> findings) {
    SummarySheet sheet = new SummarySheet(source, reference, readAt, findings);
    Optional<ReturnSummary> summary = sheet.checkAll(findings);
    return new Result(summary, sheet.identity);
  }

  private Optional<ReturnSummary> checkAll(List<Finding> findings) {
    SummarySheet sheet = this;
    int before = findings.size();
    sheet.readAll();
    if (sheet.stopped || sheet.header() == null) {
      return Optional.empty();
    }
    if (sheet.dataRows != 1) {
      List<Integer> rows = sheet.dataRowNumbers;
      findings.add(
          Rule.S04.at(
              rows.size() < 2
                  ? Location.ofSheet(source.file(), source.sheet())
                  : Location.ofRow(source.file(), source.sheet(), rows.get(1)),
              // The contract's examples give the first part word for word (EXPECTED.md).
              "the summary must have exactly one data row (found "
                  + sheet.dataRows
                  + ")"
                  + (rows.isEmpty() ? "" : ": rows " + rowList(rows, sheet.dataRows))
                  + (sheet.headerRepeat == 0
                      ? ""
                      : " (row "
                          + sheet.headerRepeat
                          + " repeats the header row, as when two files are pasted into one)")));
      return Optional.empty();
    }
    if (!sheet.firstWellFormed) {
      return Optional.empty();
    }
    ReturnSummary summary = sheet.conform(sheet.firstRow, sheet.firstCells);
    // Header problems (an unknown or missing column) reject the return too, but the row is still
    // checked above so that every problem is reported in one pass.
    boolean rejected =
        findings.subList(before, findings.size()).stream()
            .anyMatch(f -> f.severity() == Severity.RETURN_REJECTED);
    return rejected ? Optional.empty() : Optional.ofNullable(summary);
  }

  /** "2 and 5", or "2, 5, 9 and 2 more". */
  private static String rowList(List<Integer> rows, int count) {
    List<String> shown = rows.stream().map(String::valueOf).toList();
    int more = count - shown.size();
    if (more > 0) {
      return String.join(", ", shown) + " and " + more + " more";
    }
    return shown.size() == 1
        ? shown.get(0)
        : String.join(", ", shown.subList(0, shown.size() - 1))
            + " and "
            + shown.get(shown.size() - 1);
  }

  @Override
  protected void dataRow(int row, List<CellValue> cells, boolean wellFormed) {
    if (headerRepeat == 0 && header().repeatedIn(cells)) {
      headerRepeat = row;
    }
    dataRows++;
    if (dataRowNumbers.size() < 3) {
      dataRowNumbers.add(row);
    }
    if (dataRows == 1) {
      firstRow = row;
      firstCells = List.copyOf(cells);
      firstWellFormed = wellFormed;
    }
  }

  @Override
  protected void stopped() {
    stopped = true;
  }

  /** Checks the one data row; the summary, or null when a rule rejected it. */
  private ReturnSummary conform(int row, List<CellValue> cells) {
    Row r = new Row(row, cells);
    boolean templateRight = r.template();
    Optional<AuthorityCodeMatch> authority = r.authority();
    Optional<Phase> phase = r.phase();
    Optional<Quarter> quarter = r.quarter();
    identity =
        new ReturnIdentity(
            authority.map(a -> a.authority().code()).orElse(null),
            phase.map(Phase::number).orElse(null),
            quarter.map(Quarter::end).orElse(null));
    boolean periodInPhase = r.periodInPhase(phase, quarter);
    Optional<Long> identified = r.count(Template.FAMILIES_IDENTIFIED);
    Optional<Long> attached = r.count(Template.FAMILIES_ATTACHED);
    Map<ClaimResult, Long> results = r.results(phase);
    boolean arithmetic = r.arithmetic(phase, identified, attached, results);
    boolean plausible = r.plausibleCounts(authority, phase, identified, attached, results);
    // Against a quarter the return may report on: one outside its phase is refused already (S08).
    Optional<OffsetDateTime> submittedAt =
        r.submittedAt(periodInPhase ? quarter : Optional.empty());
    boolean signedOff = r.signedOff();
    boolean textsFit = r.textsFit();
    if (!templateRight
        || authority.isEmpty()
        || phase.isEmpty()
        || quarter.isEmpty()
        || !periodInPhase
        || identified.isEmpty()
        || attached.isEmpty()
        || results == null
        || !arithmetic
        || !plausible
        || submittedAt.isEmpty()
        || !signedOff
        || !textsFit) {
      return null;
    }
    r.sentFromTheAuthority(authority.get().authority());
    String revisionNote = r.text(Template.REVISION_NOTE);
    return new ReturnSummary(
        row,
        authority.get().authority().code(),
        r.text(Template.AUTHORITY_CODE).strip(),
        phase.get(),
        quarter.get(),
        identified.get(),
        attached.get(),
        results.get(ClaimResult.CRIME_ASB_EDUCATION),
        results.get(ClaimResult.CONTINUOUS_EMPLOYMENT),
        results.get(ClaimResult.PROGRESS_TO_WORK),
        results.get(ClaimResult.SUSTAINED_PROGRESS),
        submittedAt.get(),
        r.text(Template.SUBMITTED_BY),
        r.text(Template.SRO_SIGN_OFF),
        revisionNote.isBlank() ? null : revisionNote);
  }

  /** The checks of one summary row; each method reports its own problems. */
  private final class Row {
    private final int row;
    private final List<CellValue> cells;

    Row(int row, List<CellValue> cells) {
      this.row = row;
      this.cells = cells;
    }

    private CellValue cell(String column) {
      return header().cell(cells, column);
    }

    String text(String column) {
      return cell(column).asText();
    }

    private Location at(String column) {
      return Location.ofCell(source.file(), source.sheet(), row, column);
    }

    private void report(Rule rule, String column, String problem) {
      if (!header().has(column)) {
        return; // the missing column was reported once, as TFQR-S03
      }
      findings.add(rule.at(at(column), problem));
    }

    boolean template() {
      CellValue value = cell(Template.TEMPLATE);
      if (value.asText().strip().equals(Template.NAME)) {
        return true;
      }
      // An error or unsaved formula is already said to be "not a value": no second "not".
      report(
          Rule.S01,
          Template.TEMPLATE,
          "template is "
              + CellReading.shown(value)
              + (value instanceof CellValue.NoValue ? ": write " : ", not ")
              + Template.NAME
              + LikelyMeant.template(value).map(hint -> " (" + hint + ")").orElse(""));
      return false;
    }

    /**
     * The authority a refused code likely meant: its code in other letters, or the authority's name
     * given for its code; "" when neither.
     */
    private String authorityMeant(String code) {
      Optional<AuthorityCodeMatch> upper = reference.resolve(code.toUpperCase(Locale.ROOT));
      if (!code.isEmpty() && upper.isPresent()) {
        Authority meant = upper.get().authority();
        return "; codes are in capitals: " + meant.code() + " is " + meant.name();
      }
      return reference.authorities().stream()
          .filter(a -> a.name().equalsIgnoreCase(code))
          .findFirst()
          .map(a -> "; that is an authority's name: the code of " + a.name() + " is " + a.code())
          .orElse("");
    }

    Optional<AuthorityCodeMatch> authority() {
      CellValue value = cell(Template.AUTHORITY_CODE);
      String code = value.asText().strip();
      Optional<AuthorityCodeMatch> match =
          value.isUnknown() ? Optional.empty() : reference.resolve(code);
      if (value.isUnknown()) {
        report(Rule.S06, Template.AUTHORITY_CODE, "authority_code is " + CellReading.shown(value));
      } else if (match.isEmpty()) {
        report(
            Rule.S06,
            Template.AUTHORITY_CODE,
            "authority_code "
                + CellReading.shown(value)
                + " is not an authority in the reference list (reference set "
                + reference.version()
                + ")"
                + authorityMeant(code));
      } else if (match.get().viaFormerCode()) {
        report(
            Rule.N01,
            Template.AUTHORITY_CODE,
            "authority_code "
                + code
                + " is a former code of "
                + match.get().authority().name()
                + "; the return was loaded under its current code "
                + match.get().authority().code());
      }
      return match;
    }

    Optional<Phase> phase() {
      CellValue value = cell(Template.PHASE);
      Optional<Long> number = CellReading.wholeNumber(value);
      if (number.isPresent() && (number.get() == 1 || number.get() == 2)) {
        return Optional.of(Phase.ofNumber(number.get().intValue()));
      }
      report(
          Rule.S08,
          Template.PHASE,
          "phase is "
              + CellReading.shown(value)
              + ", not 1 or 2"
              + LikelyMeant.phase(value).map(hint -> " (" + hint + ")").orElse(""));
      return Optional.empty();
    }

    Optional<Quarter> quarter() {
      CellValue value = cell(Template.PERIOD_END);
      Optional<LocalDate> date = CellReading.date(value);
      if (date.isEmpty()) {
        report(Rule.S07, Template.PERIOD_END, "period_end is " + CellReading.notAPeriodEnd(value));
        return Optional.empty();
      }
      if (!Quarter.isQuarterEnd(date.get())) {
        Quarter within = Quarter.containing(date.get());
        report(
            Rule.S07,
            Template.PERIOD_END,
            "period_end "
                + date.get()
                + " is not the last day of a quarter: it is in "
                + within.label()
                + ", "
                + within.months()
                + ", which ends "
                + within.end()
                + " (quarters end on 31 March, 30 June, 30 September and 31 December)");
        return Optional.empty();
      }
      return Optional.of(Quarter.endingOn(date.get()));
    }

    boolean periodInPhase(Optional<Phase> phase, Optional<Quarter> quarter) {
      if (phase.isEmpty() || quarter.isEmpty() || phase.get().covers(quarter.get())) {
        return true;
      }
      Phase p = phase.get();
      report(
          Rule.S08,
          Template.PERIOD_END,
          "period_end "
              + quarter.get().end()
              + " is outside phase "
              + p.number()
              + ": phase "
              + p.number()
              + " returns start with the quarter ending "
              + p.firstQuarter().end()
              + " and end with the quarter ending "
              + p.lastQuarter().end());
      return false;
    }

    Optional<Long> count(String column) {
      CellValue value = cell(column);
      Optional<Long> number = CellReading.wholeNumber(value);
      if (number.isEmpty()) {
        report(Rule.S05, column, column + " is " + CellReading.notACount(value));
      }
      return number;
    }

    /**
     * The result figures of the phase; null when one is missing or wrong. Every result column is
     * checked for its number format whatever the phase, so all bad numbers are reported.
     */
    Map<ClaimResult, Long> results(Optional<Phase> phase) {
      Map<ClaimResult, Long> figures = new EnumMap<>(ClaimResult.class);
      boolean right = true;
      for (ClaimResult result : ClaimResult.values()) {
        String column = PhaseRules.column(result);
        CellValue value = cell(column);
        boolean inPhase = phase.map(p -> PhaseRules.results(p).contains(result)).orElse(true);
        if (value.isBlank()) {
          if (phase.isPresent() && inPhase) {
            report(
                Rule.S11,
                column,
                column
                    + " is empty but is a result of phase "
                    + phase.get().number()
                    + " (enter 0 when no family has achieved it)");
            right = false;
          }
          continue;
        }
        Optional<Long> number = CellReading.wholeNumber(value);
        if (number.isEmpty()) {
          report(Rule.S05, column, column + " is " + CellReading.notACount(value));
          right = false;
        } else if (!inPhase) {
          report(
              Rule.S11,
              column,
              column
                  + " is filled in ("
                  + CellReading.shown(value)
                  + ") but is not a result of phase "
                  + phase.get().number()
                  + "; leave it empty");
          right = false;
        } else {
          figures.put(result, number.get());
        }
      }
      return right && phase.isPresent() ? figures : null;
    }

    boolean arithmetic(
        Optional<Phase> phase,
        Optional<Long> identified,
        Optional<Long> attached,
        Map<ClaimResult, Long> results) {
      boolean right = true;
      if (identified.isPresent() && attached.isPresent() && attached.get() > identified.get()) {
        report(
            Rule.S09,
            Template.FAMILIES_ATTACHED,
            "families_attached ("
                + attached.get()
                + ") exceeds families_identified ("
                + identified.get()
                + ")");
        right = false;
      }
      if (phase.isPresent() && attached.isPresent() && results != null) {
        long outcomes = PhaseRules.familyOutcomes(phase.get(), ByResult.counts(results));
        if (outcomes > attached.get()) {
          ClaimResult first =
              phase.get() == Phase.ONE
                  ? ClaimResult.CRIME_ASB_EDUCATION
                  : ClaimResult.SUSTAINED_PROGRESS;
          String what =
              phase.get() == Phase.ONE
                  ? "families turned around (results_crime_asb_education "
                      + results.get(ClaimResult.CRIME_ASB_EDUCATION)
                      + " + results_continuous_employment "
                  : "successful family outcomes (results_sustained_progress "
                      + results.get(ClaimResult.SUSTAINED_PROGRESS)
                      + " + results_continuous_employment ";
          report(
              Rule.S10,
              PhaseRules.column(first),
              what
                  + results.get(ClaimResult.CONTINUOUS_EMPLOYMENT)
                  + " = "
                  + outcomes
                  + ") exceed families_attached ("
                  + attached.get()
                  + ")");
          right = false;
        }
      }
      return right;
    }

    /**
     * Every count within {@link ReturnBounds#maxFamilies} of the authority's target: a larger one
     * is a slip, and one the warehouse could not hold used to fail the whole load.
     */
    boolean plausibleCounts(
        Optional<AuthorityCodeMatch> authority,
        Optional<Phase> phase,
        Optional<Long> identified,
        Optional<Long> attached,
        Map<ClaimResult, Long> results) {
      Optional<Target> target =
          authority.isPresent() && phase.isPresent()
              ? reference.target(authority.get().authority().code(), phase.get())
              : Optional.empty();
      long bound = ReturnBounds.maxFamilies(target);
      Map<String, Long> counts = new java.util.LinkedHashMap<>();
      identified.ifPresent(n -> counts.put(Template.FAMILIES_IDENTIFIED, n));
      attached.ifPresent(n -> counts.put(Template.FAMILIES_ATTACHED, n));
      if (results != null) {
        results.forEach((result, n) -> counts.put(PhaseRules.column(result), n));
      }
      boolean right = true;
      for (Map.Entry<String, Long> count : counts.entrySet()) {
        if (count.getValue() > bound) {
          report(
              Rule.S14,
              count.getKey(),
              count.getKey()
                  + " ("
                  + count.getValue()
                  + ") is more than "
                  + ReturnBounds.TARGET_MULTIPLE
                  + " times the authority's phase target"
                  + target.map(t -> " of " + t.families()).orElse("")
                  + " (at most "
                  + bound
                  + ")");
          right = false;
        }
      }
      return right;
    }

    /** Each text field within its limit ({@link ReturnBounds}). */
    boolean textsFit() {
      boolean right = true;
      for (Map.Entry<String, Integer> limit :
          Map.of(
                  Template.SUBMITTED_BY, ReturnBounds.SUBMITTED_BY_LENGTH,
                  Template.SRO_SIGN_OFF, ReturnBounds.SRO_SIGN_OFF_LENGTH,
                  Template.REVISION_NOTE, ReturnBounds.REVISION_NOTE_LENGTH)
              .entrySet()) {
        if (cell(limit.getKey()).isUnknown()) {
          report(
              Rule.S15,
              limit.getKey(),
              limit.getKey() + " is " + CellReading.shown(cell(limit.getKey())));
          right = false;
          continue;
        }
        String text = text(limit.getKey());
        int length = text.codePointCount(0, text.length());
        if (length > limit.getValue()) {
          report(
              Rule.S15,
              limit.getKey(),
              limit.getKey()
                  + " is "
                  + length
                  + " characters long, more than its limit of "
                  + limit.getValue());
          right = false;
        }
      }
      return right;
    }

    /** A warning when the authority's e-mail domains are known and submitted_by is elsewhere. */
    void sentFromTheAuthority(Authority authority) {
      String by = text(Template.SUBMITTED_BY).strip();
      if (!authority.sendsFrom(by)) {
        report(
            Rule.W05,
            Template.SUBMITTED_BY,
            "submitted_by "
                + Rule.quote(by)
                + " is not at an e-mail domain of "
                + authority.name()
                + " ("
                + String.join(", ", authority.emailDomains())
                + ")");
      }
    }

    Optional<OffsetDateTime> submittedAt(Optional<Quarter> quarter) {
      CellValue value = cell(Template.SUBMITTED_AT);
      Optional<OffsetDateTime> at = CellReading.timestamp(value);
      if (at.isPresent() && quarter.isPresent()) {
        Optional<String> implausible =
            ReturnBounds.implausibleSubmission(at.get(), quarter.get(), readAt);
        if (implausible.isPresent()) {
          report(
              Rule.S13,
              Template.SUBMITTED_AT,
              "submitted_at " + at.get() + " " + implausible.get());
          return Optional.empty();
        }
      }
      if (at.isEmpty()) {
        List<String> why = new ArrayList<>();
        if (value instanceof CellValue.DateTime) {
          why.add("a spreadsheet date-time has no UTC offset; enter it as text");
        }
        LikelyMeant.timestamp(value).ifPresent(why::add);
        report(
            Rule.S12,
            Template.SUBMITTED_AT,
            "submitted_at is "
                + CellReading.shown(value)
                + ", not an ISO 8601 timestamp with its offset"
                + (why.isEmpty() ? "" : " (" + String.join("; ", why) + ")"));
      }
      return at;
    }

    boolean signedOff() {
      boolean right = true;
      for (String column : List.of(Template.SUBMITTED_BY, Template.SRO_SIGN_OFF)) {
        if (cell(column).isBlank()) {
          report(Rule.S12, column, column + " is empty");
          right = false;
        }
      }
      return right;
    }
  }
}
