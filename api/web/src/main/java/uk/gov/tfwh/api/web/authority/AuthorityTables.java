package uk.gov.tfwh.api.web.authority;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import uk.gov.tfwh.api.dataquality.Finding;
import uk.gov.tfwh.api.payment.PaymentQuarter;
import uk.gov.tfwh.api.returns.ReturnVersion;
import uk.gov.tfwh.api.web.page.PageTable;
import uk.gov.tfwh.api.web.page.Period;

/**
 * The authority page's tables as its downloads give them: the services' rows under the page's
 * headings, kept here because the headings are the page's, not the API's.
 */
final class AuthorityTables {
  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private AuthorityTables() {}

  /** Every version of the return; times in UTC, as spreadsheets read them. */
  static PageTable returns(List<ReturnVersion> returns, Period period) {
    PageTable.Builder table =
        PageTable.under(
            "Version",
            "Current",
            "File",
            "Submitted (UTC)",
            "By",
            "Families attached",
            period.outcomeHeading(),
            "Revision note");
    for (ReturnVersion r : returns) {
      table.row(
          r.version(),
          r.current(),
          r.fileName(),
          r.submittedAt() == null ? null : UTC.format(r.submittedAt()),
          r.submittedBy(),
          r.familiesAttached(),
          r.turnedAround(),
          r.revisionNote());
    }
    return table.build();
  }

  /** The payments, with the cap the page states in its "Capped" tags. */
  static PageTable payments(List<PaymentQuarter> payments) {
    PageTable.Builder table =
        PageTable.under(
            "Quarter",
            "Financial year",
            "Capped",
            "Families attached (paid)",
            "Attachment fees",
            "Results payments",
            "Total",
            "Total so far",
            "Cap",
            "Cap left");
    for (PaymentQuarter p : payments) {
      table.row(
          p.quarterLabel(),
          p.financialYear(),
          p.capped(),
          p.attachedFamiliesPaid(),
          p.attachmentFee(),
          p.results(),
          p.total(),
          p.cumulative(),
          p.cap(),
          p.remainingCap());
    }
    return table.build();
  }

  /** The findings, where each was found in columns of its own. */
  static PageTable findings(List<Finding> findings) {
    PageTable.Builder table =
        PageTable.under("Rule", "Severity", "File", "Row", "Column", "Message");
    for (Finding f : findings) {
      table.row(f.ruleId(), f.severity(), f.file(), f.rowNumber(), f.column(), f.message());
    }
    return table.build();
  }
}
