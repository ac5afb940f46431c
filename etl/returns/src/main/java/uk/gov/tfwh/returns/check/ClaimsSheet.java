package uk.gov.tfwh.returns.check;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import uk.gov.tfwh.programme.outcome.ClaimResult;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.returns.model.Claim;
import uk.gov.tfwh.returns.model.Finding;
import uk.gov.tfwh.returns.model.ReturnSummary;
import uk.gov.tfwh.returns.rules.Location;
import uk.gov.tfwh.returns.rules.Rule;
import uk.gov.tfwh.returns.sheet.CellValue;
import uk.gov.tfwh.returns.sheet.SheetReadException;
import uk.gov.tfwh.returns.sheet.SheetSource;

/**
 * The claims sheet and the rules a claim row must pass within its own return (TFQR-C01 to C07).
 * Rows are checked as they stream past; only accepted claims are kept. When the return's summary
 * was rejected the rows are only counted, since nothing of the return loads.
 */
public final class ClaimsSheet extends TemplateSheet {
  /** Claims cannot describe a family attached before the programme began. */
  public static final LocalDate PROGRAMME_START = LocalDate.of(2012, 4, 1);

  private static final Pattern FAMILY_REF = Pattern.compile("[A-Za-z0-9-]{16,64}");

  private final ReturnSummary summary;
  private final int maxRows;
  private final List<Claim> claims = new ArrayList<>();
  private final Map<String, Integer> rowOfFamilyAndKind = new HashMap<>();
  private int rowsRead;

  /** What the claims sheet produced: the accepted claims and how many data rows were read. */
  public record Result(List<Claim> claims, int rowsRead) {
    public Result {
      claims = List.copyOf(claims);
    }
  }

  private ClaimsSheet(
      SheetSource source, ReturnSummary summary, int maxRows, List<Finding> findings) {
    super(source, Template.CLAIM_COLUMNS, findings);
    this.summary = summary;
    this.maxRows = maxRows;
  }

  /**
   * Reads the claims sheet, adding every finding to {@code findings}.
   *
   * @param summary the return's accepted summary, or null to count the rows only
   * @param maxRows more data rows than this refuse the return (TFQR-F03)
   */
  public static Result check(
      SheetSource source, ReturnSummary summary, int maxRows, List<Finding> findings) {
    requireNonNull(source, "source");
    ClaimsSheet sheet = new ClaimsSheet(source, summary, maxRows, findings);
    sheet.readAll();
    return new Result(sheet.claims, sheet.rowsRead);
  }

  @Override
  protected void dataRow(int row, List<CellValue> cells, boolean wellFormed)
      throws SheetReadException {
    rowsRead++;
    if (rowsRead > maxRows) {
      throw new SheetReadException(
          Rule.F03.at(
              Location.ofRow(source.file(), source.sheet(), row),
              "the claims sheet has more than " + maxRows + " claim rows"));
    }
    if (summary != null && wellFormed && headerUsable()) {
      if (header().repeatedIn(cells)) {
        // Five findings about the column names read as a claim said nothing of what happened.
        findings.add(
            Rule.C01.at(
                Location.ofCell(source.file(), source.sheet(), row, Template.FAMILY_REF),
                "this row repeats the header row, as when two files are pasted into one: delete"
                    + " it"));
        return;
      }
      new Row(row, cells).check().ifPresent(claims::add);
    }
  }

  /** The checks of one claim row; each reports its own problems. */
  private final class Row {
    private final int row;
    private final List<CellValue> cells;
    private final Phase phase = summary.phase();
    private boolean rejected;

    Row(int row, List<CellValue> cells) {
      this.row = row;
      this.cells = cells;
    }

    private CellValue cell(String column) {
      return header().cell(cells, column);
    }

    private void report(Rule rule, String column, String problem) {
      findings.add(rule.at(Location.ofCell(source.file(), source.sheet(), row, column), problem));
      rejected = true;
    }

    Optional<Claim> check() {
      String familyRef = familyRef();
      ClaimResult result = result();
      LocalDate attachedOn = date(Template.ATTACHED_ON);
      LocalDate achievedOn = date(Template.ACHIEVED_ON);
      dates(attachedOn, achievedOn);
      SortedSet<String> problems = problems();
      if (rejected) {
        return Optional.empty();
      }
      String key = familyRef + "/" + (result.isFamilyOutcome() ? "outcome" : result.name());
      Integer earlier = rowOfFamilyAndKind.putIfAbsent(key, row);
      if (earlier != null) {
        report(
            Rule.C07,
            Template.FAMILY_REF,
            "family "
                + familyRef
                + " is already claimed for "
                + (result.isFamilyOutcome() ? "a family outcome" : result.name())
                + " in row "
                + earlier
                + " of this return");
        return Optional.empty();
      }
      return Optional.of(new Claim(row, familyRef, attachedOn, result, achievedOn, problems));
    }

    /**
     * The family's reference in its one canonical form, lower case: the same family sent as {@code
     * ABC...} by one authority and {@code abc...} by another (or in another quarter) is one family,
     * claimed and paid once, so every comparison (C07 here, C08 and C09 nationally) and the
     * warehouse see the same text.
     */
    private String familyRef() {
      CellValue value = cell(Template.FAMILY_REF);
      String ref = value.asText().strip();
      if (value.isUnknown()) {
        report(Rule.C01, Template.FAMILY_REF, "family_ref is " + CellReading.shown(value));
      } else if (value instanceof CellValue.Numeric) {
        // 16 digits and more fit the pattern, but a spreadsheet keeps 15: never a reference to
        // trust, however well it reads.
        report(
            Rule.C01,
            Template.FAMILY_REF,
            "family_ref is "
                + CellReading.shown(value)
                + ", not text: a spreadsheet keeps only 15 digits of a number, so a reference"
                + " entered as one may have lost its last digits; format the column as Text and"
                + " enter the references again");
      } else if (!FAMILY_REF.matcher(ref).matches()) {
        report(
            Rule.C01,
            Template.FAMILY_REF,
            "family_ref "
                + CellReading.shown(value)
                + " is not 16 to 64 of the characters A-Z, a-z, 0-9 and -"
                + LikelyMeant.familyRef(ref).map(why -> " (" + why + ")").orElse(""));
      }
      return ref.toLowerCase(java.util.Locale.ROOT);
    }

    private ClaimResult result() {
      CellValue value = cell(Template.RESULT);
      String text = value.asText().strip();
      Set<ClaimResult> allowed = PhaseRules.results(phase);
      if (value.isUnknown()) {
        report(Rule.C03, Template.RESULT, "result is " + CellReading.shown(value));
        return null;
      }
      for (ClaimResult result : allowed) {
        if (result.name().equals(text)) {
          return result;
        }
      }
      List<String> names = allowed.stream().map(Enum::name).toList();
      report(
          Rule.C03,
          Template.RESULT,
          "result "
              + CellReading.shown(value)
              + " is not a result of phase "
              + phase.number()
              + " (allowed: "
              + String.join(", ", names)
              + ")"
              + LikelyMeant.name(text, names).map(name -> "; write it as " + name).orElse(""));
      return null;
    }

    private LocalDate date(String column) {
      CellValue value = cell(column);
      Optional<LocalDate> date = CellReading.date(value);
      if (date.isEmpty()) {
        report(Rule.C02, column, column + " is " + CellReading.notADate(value));
      }
      return date.orElse(null);
    }

    private void dates(LocalDate attachedOn, LocalDate achievedOn) {
      LocalDate periodEnd = summary.quarter().end();
      if (attachedOn != null) {
        if (achievedOn != null && attachedOn.isAfter(achievedOn)) {
          report(
              Rule.C02,
              Template.ATTACHED_ON,
              "attached_on " + attachedOn + " is after achieved_on " + achievedOn);
        }
        if (attachedOn.isAfter(periodEnd)) {
          report(
              Rule.C02,
              Template.ATTACHED_ON,
              "attached_on " + attachedOn + " is after the return's period_end " + periodEnd);
        }
        if (attachedOn.isBefore(PROGRAMME_START)) {
          report(
              Rule.C02,
              Template.ATTACHED_ON,
              "attached_on " + attachedOn + " is before the programme began on " + PROGRAMME_START);
        }
      }
      if (achievedOn != null && achievedOn.isAfter(periodEnd)) {
        report(
            Rule.C04,
            Template.ACHIEVED_ON,
            "achieved_on "
                + achievedOn
                + " is after the end of the return's quarter ("
                + periodEnd
                + ")");
      }
    }

    /**
     * What refused problems were likely meant: problems separated by something other than
     * semicolons (commas, bars, slashes, a cell's line breaks, spaces), or a phase's problems in
     * other letters; "" when neither.
     */
    private String problemsMeant(List<String> unknown) {
      Set<String> phaseProblems = PhaseRules.problems(phase);
      for (OtherSeparator separator : OtherSeparator.values()) {
        boolean separated =
            unknown.stream()
                .filter(part -> LikelyMeant.name(part, phaseProblems).isEmpty())
                .anyMatch(
                    part ->
                        separator
                            .pattern
                            .splitAsStream(part)
                            .anyMatch(p -> LikelyMeant.name(p, phaseProblems).isPresent()));
        if (separated) {
          return "; separate the problems with ; (semicolons), not " + separator.said;
        }
      }
      List<String> meant = new ArrayList<>();
      for (String part : unknown) {
        LikelyMeant.name(part, phaseProblems)
            .ifPresent(name -> meant.add(Rule.quote(part) + " as " + name));
      }
      return meant.isEmpty() ? "" : "; write " + String.join(", ", meant);
    }

    private SortedSet<String> problems() {
      CellValue value = cell(Template.PROBLEMS_AT_ENTRY);
      SortedSet<String> known = new TreeSet<>();
      if (value.isUnknown()) {
        // its problems are unknown, so it is not also "fewer than two problems"
        report(
            Rule.C05,
            Template.PROBLEMS_AT_ENTRY,
            "problems_at_entry is " + CellReading.shown(value));
        return null;
      }
      List<String> unknown = new ArrayList<>();
      SortedSet<String> repeated = new TreeSet<>();
      for (String part : value.asText().split(";", -1)) {
        String problem = part.strip();
        if (problem.isEmpty()) {
          continue;
        }
        if (PhaseRules.problems(phase).contains(problem)) {
          if (!known.add(problem)) {
            repeated.add(problem);
          }
        } else {
          unknown.add(problem);
        }
      }
      if (!unknown.isEmpty()) {
        report(
            Rule.C05,
            Template.PROBLEMS_AT_ENTRY,
            "problems_at_entry holds "
                + unknown.stream().map(Rule::quote).collect(Collectors.joining(", "))
                + ", not "
                + (unknown.size() == 1 ? "a problem" : "problems")
                + " of phase "
                + phase.number()
                + problemsMeant(unknown));
      }
      if (known.size() < PhaseRules.MIN_PROBLEMS_AT_ENTRY) {
        report(
            Rule.C06,
            Template.PROBLEMS_AT_ENTRY,
            "problems_at_entry lists "
                + (known.isEmpty()
                    ? "no known problem"
                    : known.size()
                        + " known problem"
                        + (known.size() == 1 ? "" : "s")
                        + " ("
                        + String.join(";", known)
                        + ")")
                + (repeated.isEmpty()
                    ? ""
                    : ", " + String.join(" and ", repeated) + " listed more than once")
                + "; a family needs at least "
                + PhaseRules.MIN_PROBLEMS_AT_ENTRY);
      }
      return known;
    }
  }

  /**
   * What senders separate problems with instead of semicolons, in the order they are looked for:
   * spaces last, since a problem written in words ("crime asb") has them too.
   */
  private enum OtherSeparator {
    COMMAS(",", "commas"),
    BARS("\\|", "vertical bars (|)"),
    SLASHES("/", "slashes"),
    LINE_BREAKS("\\R", "line breaks within the cell"),
    SPACES("\\s+", "spaces");

    private final Pattern pattern;
    private final String said;

    OtherSeparator(String regex, String said) {
      this.pattern = Pattern.compile(regex);
      this.said = said;
    }
  }
}
