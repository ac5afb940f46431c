package uk.gov.tfwh.exports.briefing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import uk.gov.tfwh.exports.briefing.BriefingFigures.Headline;
import uk.gov.tfwh.exports.briefing.BriefingFigures.LeagueEntry;
import uk.gov.tfwh.exports.briefing.BriefingFigures.Outlook;
import uk.gov.tfwh.exports.briefing.BriefingFigures.QualityNotes;
import uk.gov.tfwh.exports.text.FigureText;
import uk.gov.tfwh.programme.period.Phase;

/**
 * The briefing's key messages, worked out from its figures by stated rules (docs/exports.md, "Key
 * messages"), in the order a private office reads them:
 *
 * <ol>
 *   <li><b>Position</b>: England's figure against the phase's target, and how many authorities
 *       reported;
 *   <li><b>Change</b>: since the previous quarter and since the same quarter a year earlier, each
 *       in families and percentage points, or why there is none to show;
 *   <li><b>Outlook</b>: how many reporting authorities are at or above target, on track (their
 *       projection reaches it by the end of the phase) and behind;
 *   <li><b>Movers</b>: the largest rise and the largest fall in percentage of target, saying so
 *       plainly when nobody rose or nobody fell;
 *   <li><b>Payments</b>: paid to date against the most the authorities' caps allow, money rounded
 *       for reading (the exact figures are in the annex);
 *   <li><b>Before quoting</b>: late and missing returns, large revisions and authorities at exactly
 *       100% of target, as counts with a pointer to the annex.
 * </ol>
 */
public final class KeyMessages {
  private KeyMessages() {}

  /** A key message: its subject (a few words) and what it says. */
  public record KeyMessage(String subject, String text) {}

  public static List<KeyMessage> of(BriefingFigures figures) {
    Phase phase = figures.phaseOf();
    Headline h = figures.headline();
    List<KeyMessage> messages = new ArrayList<>();
    messages.add(
        new KeyMessage(
            "Position",
            capitalised(FigureText.count(h.turnedAround()))
                + " "
                + phase.outcomeCount()
                + " in England: "
                + FigureText.percent(h.percentOfTarget())
                + " of the phase "
                + phase.number()
                + " target of "
                + FigureText.count(h.target())
                + ", with "
                + FigureText.count(h.authoritiesReporting())
                + " of "
                + FigureText.count(h.authoritiesTotal())
                + " authorities reporting."));
    messages.add(new KeyMessage("Change", change(h)));
    messages.add(new KeyMessage("Outlook", outlook(figures.outlook())));
    messages.add(new KeyMessage("Movers", movers(figures)));
    messages.add(new KeyMessage("Payments", payments(figures.phase(), h)));
    messages.add(new KeyMessage("Before quoting", beforeQuoting(figures.quality())));
    return messages;
  }

  private static String change(Headline h) {
    String sinceQuarter =
        h.previousPeriod() == null
            ? "There is no previous quarter in this phase to compare with"
            : FigureText.signedCount(h.changeInTurnedAround())
                + " ("
                + FigureText.points(h.changeInPercentPoints())
                + ") since the previous quarter";
    String sinceYear =
        h.yearEarlierPeriod() == null
            ? "no quarter a year earlier in this phase"
            : FigureText.signedCount(h.changeSinceYearEarlier())
                + " ("
                + FigureText.points(h.pointsSinceYearEarlier())
                + ") since the same quarter a year earlier";
    return sinceQuarter + "; " + sinceYear + ".";
  }

  private static String outlook(Outlook o) {
    return FigureText.count(o.atOrAboveTarget())
        + " of the "
        + FigureText.count(o.reporting())
        + " reporting authorities are at or above target; "
        + FigureText.count(o.onTrack())
        + " more are on track to reach it by the end of the phase at their recent pace; "
        + FigureText.count(o.behind())
        + " are behind (a straight line at each authority's pace of the last four quarters, not a"
        + " forecast).";
  }

  private static String movers(BriefingFigures figures) {
    if (figures.headline().previousPeriod() == null) {
      return "No movers: there is no previous quarter in this phase.";
    }
    String rise =
        figures.risers().isEmpty()
            ? "No authority's percentage of target rose"
            : "Largest rise: " + mover(figures.risers().get(0));
    String fall =
        figures.fallers().isEmpty()
            ? "no authority's percentage of target fell"
            : "largest fall: " + mover(figures.fallers().get(0));
    return rise + "; " + fall + " (since the previous quarter).";
  }

  private static String mover(LeagueEntry e) {
    return e.name() + " (" + FigureText.points(e.changeInPercentPoints()) + ")";
  }

  private static String payments(int phase, Headline h) {
    String share =
        h.paymentsCap().signum() == 0
            ? ""
            : ", "
                + h.paymentsToDate()
                    .multiply(BigDecimal.valueOf(100))
                    .divide(h.paymentsCap(), 0, RoundingMode.HALF_UP)
                    .toPlainString()
                + "% of the "
                + FigureText.roundedMoney(h.paymentsCap())
                + " the authorities' caps allow";
    return FigureText.roundedMoney(h.paymentsToDate())
        + " paid to "
        + FigureText.count(h.authoritiesPaid())
        + " authorities in phase "
        + phase
        + " to date"
        + share
        + " (exact figures in annex A).";
  }

  private static String beforeQuoting(QualityNotes q) {
    List<String> points = new ArrayList<>();
    if (!q.late().isEmpty()) {
      points.add(FigureText.count(q.late().size()) + " late " + plural(q.late().size(), "return"));
    }
    if (!q.missing().isEmpty()) {
      points.add(
          FigureText.count(q.missing().size())
              + " missing "
              + plural(q.missing().size(), "return"));
    }
    if (!q.largeRevisions().isEmpty()) {
      points.add(
          FigureText.count(q.largeRevisions().size())
              + " large "
              + plural(q.largeRevisions().size(), "revision"));
    }
    if (!q.exactlyAtTarget().isEmpty()) {
      points.add(
          FigureText.count(q.exactlyAtTarget().size())
              + " "
              + plural(q.exactlyAtTarget().size(), "authority")
              + " at exactly 100% of target, worth confirming");
    }
    if (points.isEmpty()) {
      return "No late or missing returns, large revisions or authorities at exactly 100% of"
          + " target.";
    }
    return capitalised(String.join("; ", points)) + " (listed in annex B).";
  }

  private static String plural(long count, String noun) {
    if (count == 1) {
      return noun;
    }
    return noun.endsWith("y") ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s";
  }

  private static String capitalised(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
