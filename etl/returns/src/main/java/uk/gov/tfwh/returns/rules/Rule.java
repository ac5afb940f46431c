package uk.gov.tfwh.returns.rules;

import static java.util.Objects.requireNonNull;

import uk.gov.tfwh.returns.model.Finding;
import uk.gov.tfwh.returns.model.Severity;

/**
 * The TFQR-1 rule catalogue: every rule the reader, the history checks and the load apply, with its
 * fixed id (shared with the generator's fault manifest and the load; see {@code RULE-IDS.md}), its
 * severity, a plain-English description and what the authority should do about it. Every finding in
 * the system is made here, by {@link #at(Location, String)}, so every message has the same shape:
 * where, what is wrong, what to do, and the rule id.
 */
public enum Rule {
  F01(
      "TFQR-F01",
      Severity.RETURN_REJECTED,
      "The file is not valid UTF-8 (the byte position is reported, and what the file is when its"
          + " first bytes tell: UTF-16 text, a workbook).",
      "Save the file as UTF-8 (in Excel: \"CSV UTF-8\") and send the return again."),
  F02(
      "TFQR-F02",
      Severity.RETURN_REJECTED,
      "The file is not a readable XLSX workbook (text or an Excel 97-2003 .xls is named as such; a"
          + " part that declares a document type is refused, its entities never read), or a"
          + " required sheet (summary, claims) is missing.",
      "Save the return as an Excel workbook (.xlsx) with sheets named summary and claims, and send"
          + " it again."),
  F03(
      "TFQR-F03",
      Severity.RETURN_REJECTED,
      "The file is over the size limit, the workbook expands beyond the safe limit (a zip bomb), or"
          + " there are more claim rows than allowed.",
      "Check that this is the right file: a TFQR-1 return is far smaller. Ask the national team if a"
          + " genuine return is refused."),
  F04(
      "TFQR-F04",
      Severity.RETURN_REJECTED,
      "The file name is not part of a return: a claims file without its summary, an unknown"
          + " extension, or an unsafe name.",
      "Name the files <stem>.summary.csv and <stem>.claims.csv, or <stem>.xlsx, without control"
          + " characters, slashes or leading dots, and send them again."),
  F05(
      "TFQR-F05",
      Severity.RETURN_REJECTED,
      "The CSV is malformed: unbalanced quotes, a row with a different number of values from the"
          + " header, or values separated by something other than commas (Excel's sep= line,"
          + " semicolons, tabs).",
      "Check the quotes, that values are separated by commas and that every row has one value per"
          + " header column, and send the file again."),
  S01(
      "TFQR-S01",
      Severity.RETURN_REJECTED,
      "The template is not TFQR-1.",
      "Use the TFQR-1 template and put TFQR-1 in the template column."),
  S02(
      "TFQR-S02",
      Severity.RETURN_REJECTED,
      "A column is not in the template.",
      "Remove the column; the TFQR-1 template lists every allowed column (an unknown column usually"
          + " means the wrong template)."),
  S03(
      "TFQR-S03",
      Severity.RETURN_REJECTED,
      "A required column is missing, or a column appears twice.",
      "Give every column of the TFQR-1 template exactly once, named as in the template."),
  S04(
      "TFQR-S04",
      Severity.RETURN_REJECTED,
      "The summary must have exactly one data row.",
      "Put exactly one data row, cumulative to the end of the quarter, under the summary header."),
  S05(
      "TFQR-S05",
      Severity.RETURN_REJECTED,
      "A count is not a non-negative whole number.",
      "Enter a whole number of families, 0 or more, without thousands separators or decimals."),
  S06(
      "TFQR-S06",
      Severity.RETURN_REJECTED,
      "authority_code is not an authority in the reference list.",
      "Enter your authority's GSS code as in the reference list of authorities (such as"
          + " E08000025)."),
  S07(
      "TFQR-S07",
      Severity.RETURN_REJECTED,
      "period_end is not a date or not the last day of a quarter.",
      "Enter the last day of the quarter as YYYY-MM-DD (such as 2013-09-30)."),
  S08(
      "TFQR-S08",
      Severity.RETURN_REJECTED,
      "phase is not 1 or 2, or the period is outside the phase.",
      "Enter phase 1 for quarters ending 2012-06-30 to 2015-06-30, or phase 2 for quarters ending"
          + " 2014-09-30 to 2020-03-31."),
  S09(
      "TFQR-S09",
      Severity.RETURN_REJECTED,
      "families_attached exceeds families_identified.",
      "Correct the figures: families attached cannot be more than families identified."),
  S10(
      "TFQR-S10",
      Severity.RETURN_REJECTED,
      "Families turned around (phase 1) or successful family outcomes (phase 2) exceed"
          + " families_attached.",
      "Correct the figures: phase 1 turned around (crime/ASB/education + continuous employment) or"
          + " phase 2 successful outcomes (sustained progress + continuous employment) cannot be"
          + " more than families attached."),
  S11(
      "TFQR-S11",
      Severity.RETURN_REJECTED,
      "A result column of the other phase is filled in, or a result column of this phase is empty.",
      "Fill in the result columns of the return's phase (enter 0 for none) and leave the other"
          + " phase's result columns empty."),
  S12(
      "TFQR-S12",
      Severity.RETURN_REJECTED,
      "submitted_at is not an ISO 8601 timestamp with offset, or submitted_by or sro_sign_off is"
          + " empty.",
      "Enter submitted_at as text such as 2015-06-30T16:30:00+01:00 and fill in submitted_by and"
          + " sro_sign_off."),
  S13(
      "TFQR-S13",
      Severity.RETURN_REJECTED,
      "submitted_at is before the last day of the return's quarter, or in the future when the"
          + " return is read.",
      "Enter the date and time the senior responsible officer signed the return off, after the"
          + " quarter ended, with the right UTC offset."),
  S14(
      "TFQR-S14",
      Severity.RETURN_REJECTED,
      "A count is more than ten times the authority's target for the phase, beyond any genuine"
          + " return.",
      "Check the figure for extra digits or a figure of another authority, and send the return"
          + " again."),
  S15(
      "TFQR-S15",
      Severity.RETURN_REJECTED,
      "A text field is longer than its limit (submitted_by 254, sro_sign_off 200, revision_note"
          + " 2,000 characters), or is a workbook formula whose value was not saved, or a"
          + " spreadsheet error such as #N/A where a formula failed.",
      "Shorten the text: an e-mail address, the officer's name, a revision note of a few"
          + " paragraphs at most. Type the text in place of a formula, or save the workbook from"
          + " a spreadsheet program that calculates it; correct a formula that gives an error."),
  S16(
      "TFQR-S16",
      Severity.RETURN_REJECTED,
      "The return is sent as one authority and its authority_code names another: the file name's"
          + " authority, or, through the submission service, the signed-in sender's.",
      "Send each authority's return under its own name and code; if the file was renamed by"
          + " mistake, give it the code of the authority whose figures it holds."),
  C01(
      "TFQR-C01",
      Severity.ROW_REJECTED,
      "family_ref is not 16 to 64 of the characters A-Z, a-z, 0-9 and -.",
      "Send the family's pseudonymous reference made with the national key (16 to 64 letters,"
          + " digits or hyphens) in a later return."),
  C02(
      "TFQR-C02",
      Severity.ROW_REJECTED,
      "A date is not a date, or attached_on is after achieved_on, after period_end or before"
          + " 2012-04-01.",
      "Correct the dates (YYYY-MM-DD; attached on or after 2012-04-01 and no later than the result"
          + " and the end of the quarter) and claim again in a later return."),
  C03(
      "TFQR-C03",
      Severity.ROW_REJECTED,
      "result is not a result that can be claimed in the return's phase.",
      "Use a result of the return's phase (phase 1: CRIME_ASB_EDUCATION, CONTINUOUS_EMPLOYMENT,"
          + " PROGRESS_TO_WORK; phase 2: SUSTAINED_PROGRESS, CONTINUOUS_EMPLOYMENT) and claim again"
          + " in a later return."),
  C04(
      "TFQR-C04",
      Severity.ROW_REJECTED,
      "achieved_on is after the end of the return's quarter.",
      "Claim the result in the return for the quarter in which it was achieved."),
  C05(
      "TFQR-C05",
      Severity.ROW_REJECTED,
      "problems_at_entry holds a problem that is not one of the phase's problems, or is a workbook"
          + " formula whose value was not saved or a spreadsheet error such as #N/A.",
      "List only the phase's problems, separated by ; (phase 1: CRIME_ASB, EDUCATION, WORK,"
          + " LOCAL_DISCRETION; phase 2: CRIME_ASB, SCHOOL_ATTENDANCE, CHILDREN_NEED_HELP,"
          + " WORKLESSNESS, DOMESTIC_ABUSE, HEALTH) and claim again in a later return."),
  C06(
      "TFQR-C06",
      Severity.ROW_REJECTED,
      "Fewer than two problems at entry.",
      "A family qualifies with at least two problems at entry; check the family's eligibility"
          + " before claiming again."),
  C07(
      "TFQR-C07",
      Severity.ROW_REJECTED,
      "The same family is claimed twice for the same kind of result in one return.",
      "Claim each family once per kind of result; the first row was kept, remove the repeat."),
  C08(
      "TFQR-C08",
      Severity.ROW_REJECTED,
      "The family has already been paid this result nationally (an earlier claim by any"
          + " authority).",
      "Remove the claim; if the earlier claim was wrong, contact the national team."),
  C09(
      "TFQR-C09",
      Severity.ROW_REJECTED,
      "PROGRESS_TO_WORK is claimed twice for a family, or after its continuous employment claim.",
      "Remove the claim: progress to work is paid once per family and never after continuous"
          + " employment."),
  H01(
      "TFQR-H01",
      Severity.RETURN_REJECTED,
      "Stale resubmission: received after the accepted return for that quarter but signed off"
          + " before it (its submitted_at, taken no later than when the warehouse received it).",
      "If this return should replace the accepted one, send it again with the time it was signed"
          + " off, later than the accepted return's submitted_at."),
  W01(
      "TFQR-W01",
      Severity.WARNING,
      "The accepted claims to date do not reconcile with the summary's cumulative figure.",
      "Check the claims sent to date against the cumulative result figure and correct whichever is"
          + " wrong in your next return."),
  W02(
      "TFQR-W02",
      Severity.WARNING,
      "A cumulative figure fell against the previous quarter, or a return was revised, without a"
          + " revision_note.",
      "If the figures are right, resubmit the return with a revision_note that explains the"
          + " change."),
  W03(
      "TFQR-W03",
      Severity.WARNING,
      "A claim by a different authority from the family's earlier claim: a possible family move.",
      "No action unless the family did not move; the national team will check with both"
          + " authorities."),
  W04(
      "TFQR-W04",
      Severity.WARNING,
      "Figures far outside the authority's own history (such as a jump before a deadline).",
      "Check the figures; if they are right, keep the evidence, the national team may ask for it."),
  W05(
      "TFQR-W05",
      Severity.WARNING,
      "submitted_by is not at one of the authority's known e-mail domains.",
      "Send returns from an address of the authority; the national team will confirm this return"
          + " with the authority."),
  N01(
      "TFQR-N01",
      Severity.NOTE,
      "A former authority code was mapped to the current one.",
      "No action needed; please use the current code in future returns."),
  N02(
      "TFQR-N02",
      Severity.NOTE,
      "An identical copy of an already accepted return changes nothing.",
      "No action needed; the same return was already received.");

  private final String id;
  private final Severity severity;
  private final String description;
  private final String action;

  Rule(String id, Severity severity, String description, String action) {
    this.id = id;
    this.severity = severity;
    this.description = description;
    this.action = action;
  }

  /** The fixed id, such as {@code TFQR-S05}. */
  public String id() {
    return id;
  }

  public Severity severity() {
    return severity;
  }

  /** What the rule checks, in plain English. */
  public String description() {
    return description;
  }

  /** What the authority should do when the rule is broken. */
  public String action() {
    return action;
  }

  /** The rule with this id; throws when there is none. */
  public static Rule ofId(String id) {
    for (Rule rule : values()) {
      if (rule.id.equals(id)) {
        return rule;
      }
    }
    throw new IllegalArgumentException("no rule with id '" + id + "'");
  }

  /**
   * A finding of this rule at a place, with a message such as: "file x.summary.csv, sheet summary,
   * row 2, column families_attached: families_attached (1900) exceeds families_identified (1800).
   * Correct the figures: ... [rule TFQR-S09]".
   *
   * @param problem what is wrong here, in plain English, naming the values involved
   */
  public Finding at(Location where, String problem) {
    return at(where, problem, action);
  }

  /**
   * As {@link #at(Location, String)}, with the action worded for a reader the rule's own does not
   * fit (the submission service's sender, who never names the stored files).
   */
  public Finding at(Location where, String problem, String action) {
    requireNonNull(where, "where");
    requireNonNull(problem, "problem");
    requireNonNull(action, "action");
    // Problems quote what was read, and some quote a parser's own words about it (which may hold a
    // line of the file): no finding may carry a raw control character into a report or an export.
    String message =
        where.describe() + ": " + sentence(escaped(problem)) + " " + action + " [rule " + id + "]";
    return new Finding(
        id, severity, where.file(), where.sheet(), where.row(), where.column(), message);
  }

  /** Control and invisible formatting characters shown as escapes; everything else as it is. */
  private static String escaped(String text) {
    StringBuilder shown = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            codePoint -> {
              int type = Character.getType(codePoint);
              if (Character.isISOControl(codePoint)
                  || type == Character.FORMAT
                  || type == Character.LINE_SEPARATOR
                  || type == Character.PARAGRAPH_SEPARATOR) {
                shown.append(String.format("\\u%04X", codePoint));
              } else {
                shown.appendCodePoint(codePoint);
              }
            });
    return shown.toString();
  }

  private static String sentence(String text) {
    String trimmed = text.strip();
    return trimmed.endsWith(".") ? trimmed : trimmed + ".";
  }

  /**
   * A value as it can safely appear inside a message: quoted, control and formatting characters
   * shown as escapes, and cut at 60 characters, so hostile input cannot forge or hide text.
   */
  public static String quote(String value) {
    return quote(value, 60);
  }

  /**
   * Whether {@link #quote} shows a character by its code: a control character, an invisible one (a
   * zero-width space, a byte-order mark) or a space other than the plain one (a no-break space from
   * a spreadsheet, say), which printed looks like the space a reader trims, so the sender could not
   * see why the value was refused.
   */
  public static boolean unseen(int codePoint) {
    int type = Character.getType(codePoint);
    return Character.isISOControl(codePoint)
        || type == Character.FORMAT
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR
        || (type == Character.SPACE_SEPARATOR && codePoint != ' ');
  }

  /** A character as {@link #quote} shows an {@link #unseen} one: a backslash, u and its code. */
  public static String codeOf(int codePoint) {
    return String.format("\\u%04X", codePoint);
  }

  /** As {@link #quote(String)}, cut at {@code length} characters. */
  public static String quote(String value, int length) {
    StringBuilder text = new StringBuilder("'");
    int shown = 0;
    for (int i = 0; i < value.length(); ) {
      int codePoint = value.codePointAt(i);
      i += Character.charCount(codePoint);
      if (shown++ == length) {
        text.append("...");
        break;
      }
      if (unseen(codePoint)) {
        text.append(codeOf(codePoint));
      } else {
        text.appendCodePoint(codePoint);
      }
    }
    return text.append('\'').toString();
  }
}
