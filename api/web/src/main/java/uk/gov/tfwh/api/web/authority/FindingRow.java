package uk.gov.tfwh.api.web.authority;

import java.util.ArrayList;
import java.util.List;
import uk.gov.tfwh.api.web.page.PageTable;
import uk.gov.tfwh.warehouse.query.QueryResult;

/** One validation finding on an authority's return: the rule, how serious, and where. */
public record FindingRow(
    String ruleId, String severity, String file, Integer rowNumber, String column, String message) {

  public static List<FindingRow> of(QueryResult rows) {
    List<FindingRow> findings = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      findings.add(
          new FindingRow(
              rows.value(i, "rule_id", String.class),
              rows.value(i, "severity", String.class),
              rows.value(i, "file", String.class),
              rows.value(i, "row_number", Integer.class),
              rows.value(i, "column_name", String.class),
              rows.value(i, "message", String.class)));
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
