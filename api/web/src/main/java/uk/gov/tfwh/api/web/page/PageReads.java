package uk.gov.tfwh.api.web.page;

import static java.util.Objects.requireNonNull;

import org.springframework.stereotype.Component;
import uk.gov.tfwh.api.serving.SnapshotReads;
import uk.gov.tfwh.warehouse.query.PinnedSnapshot;
import uk.gov.tfwh.warehouse.query.QueryArguments;
import uk.gov.tfwh.warehouse.query.QueryResult;
import uk.gov.tfwh.warehouse.query.SnapshotSelector;
import uk.gov.tfwh.warehouse.query.WarehouseQueries;

/**
 * Where every page gets its figures: the service's own query layer and snapshot resolution, so a
 * page and the API show the same numbers from the same snapshot.
 */
@Component
public class PageReads {
  private final WarehouseQueries queries;
  private final SnapshotReads reads;

  public PageReads(WarehouseQueries queries, SnapshotReads reads) {
    this.queries = requireNonNull(queries, "queries");
    this.reads = requireNonNull(reads, "reads");
  }

  /** The snapshot a selector stands for now; every query of the page part then reads it. */
  public PinnedSnapshot resolve(SnapshotSelector selector) {
    return reads.resolve(selector);
  }

  /** A query on a snapshot named by id, such as the release before the one a page shows. */
  public QueryResult runOn(SnapshotSelector selector, QueryArguments arguments) {
    return queries.run(selector, arguments.query(), arguments.values());
  }

  public QueryResult run(PinnedSnapshot snapshot, QueryArguments arguments) {
    return queries.run(snapshot, arguments);
  }
}
