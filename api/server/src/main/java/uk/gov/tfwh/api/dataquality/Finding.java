package uk.gov.tfwh.api.dataquality;

import java.util.ArrayList;
import java.util.List;
import uk.gov.tfwh.warehouse.query.QueryResult;
import uk.gov.tfwh.warehouse.query.ResultRow;

/** One validation finding on an authority's return: the rule, how serious, and where. */
public record Finding(
    String authorityCode,
    String ruleId,
    String severity,
    String file,
    Integer rowNumber,
    String column,
    String message) {

  static List<Finding> of(QueryResult rows) {
    List<Finding> findings = new ArrayList<>();
    for (ResultRow row : rows) {
      findings.add(
          new Finding(
              row.text("authority_code"),
              row.text("rule_id"),
              row.text("severity"),
              row.text("file"),
              row.integer("row_number"),
              row.text("column_name"),
              row.text("message")));
    }
    return findings;
  }
}
