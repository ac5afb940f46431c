package uk.gov.tfwh.etl.table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import uk.gov.tfwh.etl.read.ReturnIds;
import uk.gov.tfwh.returns.model.Finding;
import uk.gov.tfwh.returns.model.ReturnIdentity;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/**
 * Collects {@code fact_finding} rows. A finding's id is a hash of what it says and where, so the
 * same finding keeps its id from one snapshot to the next; repeats get a counter.
 */
public final class FindingRows {
  private final List<Row> rows = new ArrayList<>();
  private final Map<String, Integer> seen = new HashMap<>();

  /**
   * @param identity whose return it is and for when, as far as could be read: a rejected return's
   *     findings are placed in its authority's and quarter's data quality too
   * @param returnId the accepted version the finding is about, or null
   */
  public void add(
      Finding finding,
      String snapshotId,
      String sourceStem,
      ReturnIdentity identity,
      String returnId) {
    String base =
        ReturnIds.sha256(
            String.join(
                "\0",
                sourceStem,
                finding.ruleId(),
                finding.file(),
                String.valueOf(finding.sheet()),
                String.valueOf(finding.row()),
                String.valueOf(finding.column()),
                finding.message()));
    int repeat = seen.merge(base, 1, Integer::sum);
    String id = repeat == 1 ? base.substring(0, 32) : base.substring(0, 28) + "-" + repeat;
    rows.add(
        ContractRow.of(WarehouseTable.FACT_FINDING)
            .set("finding_id", id)
            .set("snapshot_id", snapshotId)
            .set("rule_id", finding.ruleId())
            .set("severity", finding.severity().name())
            .set("source_stem", sourceStem)
            .set("file", finding.file())
            .set("sheet", finding.sheet())
            .set("row_number", finding.row())
            .set("column_name", finding.column())
            .set("message", finding.message())
            .set("authority_code", identity.authorityCode())
            .set("phase", identity.phase())
            .set("period_end", identity.periodEnd())
            .set("return_id", returnId)
            .build());
  }

  public List<Row> rows() {
    return rows;
  }
}
