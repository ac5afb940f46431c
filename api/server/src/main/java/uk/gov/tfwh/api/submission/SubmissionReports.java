package uk.gov.tfwh.api.submission;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import uk.gov.tfwh.api.serving.SnapshotPointers;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;
import uk.gov.tfwh.programme.reference.SubmissionWindow;
import uk.gov.tfwh.warehouse.query.Query;
import uk.gov.tfwh.warehouse.query.QueryArguments;
import uk.gov.tfwh.warehouse.query.QueryResult;
import uk.gov.tfwh.warehouse.query.ResultRow;
import uk.gov.tfwh.warehouse.query.SnapshotSelector;
import uk.gov.tfwh.warehouse.query.WarehouseQueries;

/**
 * What the submission resources and pages show: receipts with where each submission has got to in
 * the warehouse, and the national status of a quarter.
 */
@Component
public class SubmissionReports {
  private final SubmissionDesk desk;
  private final WarehouseReturns warehouse;
  private final WarehouseQueries queries;
  private final SnapshotPointers pointers;

  public SubmissionReports(
      SubmissionDesk desk,
      WarehouseReturns warehouse,
      WarehouseQueries queries,
      SnapshotPointers pointers) {
    this.desk = requireNonNull(desk, "desk");
    this.warehouse = requireNonNull(warehouse, "warehouse");
    this.queries = requireNonNull(queries, "queries");
    this.pointers = requireNonNull(pointers, "pointers");
  }

  public SubmissionDesk desk() {
    return desk;
  }

  public Receipt receipt(SubmissionRecord record) {
    return Receipt.of(record, warehouse.progress(record));
  }

  /** An authority's submissions, newest first. */
  public List<Receipt> receipts(String authority) {
    List<SubmissionRecord> records =
        authority == null
            ? desk.submissions().store().all()
            : desk.submissions().store().ofAuthority(authority);
    List<Receipt> receipts = new java.util.ArrayList<>();
    for (int i = records.size() - 1; i >= 0; i--) {
      receipts.add(receipt(records.get(i)));
    }
    return receipts;
  }

  /** Every authority's state for the quarter. */
  public SubmissionStatus status(Phase phase, Quarter quarter) {
    Submissions submissions = desk.submissions();
    Instant deadline =
        submissions
            .windows()
            .window(phase, quarter, LocalDate.now(SubmissionWindow.ENGLAND))
            .map(SubmissionWindow::closesAt)
            .orElse(null);
    return SubmissionStatus.of(
        phase,
        quarter,
        deadline,
        submissions.reference().authorities(),
        submissions.store().all(),
        loadedReturns(phase, quarter));
  }

  /**
   * The authorities whose return for the quarter is in the current snapshot, with whether the load
   * found it late: the data-quality view's own reckoning.
   */
  private Map<String, Boolean> loadedReturns(Phase phase, Quarter quarter) {
    Map<String, Boolean> loaded = new HashMap<>();
    if (pointers.state().current() == null) {
      return loaded;
    }
    QueryArguments arguments = QueryArguments.of(Query.DATA_QUALITY).phase(phase).quarter(quarter);
    QueryResult quality =
        queries.run(
            SnapshotSelector.byId(pointers.state().current()),
            arguments.query(),
            arguments.values());
    for (ResultRow row : quality) {
      if (!"missing".equals(row.text("status"))) {
        loaded.put(row.text("authority_code"), row.isTrue("late"));
      }
    }
    return loaded;
  }
}
