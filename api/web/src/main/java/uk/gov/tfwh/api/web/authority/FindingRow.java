package uk.gov.tfwh.api.web.authority;

import java.util.ArrayList;
import java.util.List;
import uk.gov.tfwh.api.web.page.PageTable;
import uk.gov.tfwh.warehouse.query.QueryResult;
import uk.gov.tfwh.warehouse.query.ResultRow;

/** One validation finding on an authority's return: the rule, how serious, and where. */
public record FindingRow(
    String ruleId, String severity, String file, Integer rowNumber, String column, String message) {

  public static List<FindingRow> of(QueryResult rows) {
    List<FindingRow> findings = new ArrayList<>();
    for (ResultRow row : rows) {
      findings.add(
          new FindingRow(
              row.text("rule_id"),
              row.text("severity"),
              row.text("file"),
              row.integer("row_number"),
              row.text("column_name"),
              row.text("message")));
    }
    return findings;
  }

  /** The findings as the page's table, where each was found in columns of its own. */
  public static PageTable table(List<FindingRow> findings) {
    PageTable.Builder table =
        PageTable.under("Rule", "Severity", "File", "Row", "Column", "Message");
    for (FindingRow f : findings) {
      table.row(f.ruleId(), f.severity(), f.file(), f.rowNumber(), f.column(), f.message());
    }
    return table.build();
  }
}
