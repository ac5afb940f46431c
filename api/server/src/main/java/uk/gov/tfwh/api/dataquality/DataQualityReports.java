package uk.gov.tfwh.api.dataquality;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import uk.gov.tfwh.api.authority.Authorities;
import uk.gov.tfwh.api.table.Table;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;
import uk.gov.tfwh.warehouse.query.PinnedSnapshot;
import uk.gov.tfwh.warehouse.query.Query;
import uk.gov.tfwh.warehouse.query.QueryArguments;
import uk.gov.tfwh.warehouse.query.QueryResult;
import uk.gov.tfwh.warehouse.query.WarehouseQueries;

/**
 * Data quality from the catalogue: the status rules (missing, late, resubmitted, accepted) live in
 * {@code data_quality.sql}, the findings are the validation rules' own (etl/returns).
 */
@Component
public class DataQualityReports {
  static final String[] STATUSES = {"accepted", "late", "resubmitted", "missing"};

  private final WarehouseQueries queries;
  private final Authorities authorities;

  public DataQualityReports(WarehouseQueries queries, Authorities authorities) {
    this.queries = queries;
    this.authorities = authorities;
  }

  public DataQuality report(
      PinnedSnapshot snapshot, Phase phase, Quarter quarter, String authority) {
    if (authority != null) {
      authorities.require(snapshot, authority);
    }
    QueryArguments quarterOf = quarterOf(phase, quarter, authority);
    QueryResult status = queries.run(snapshot, quarterOf);
    QueryResult findings = queries.run(snapshot, quarterOf.forQuery(Query.DATA_QUALITY_FINDINGS));
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String name : STATUSES) {
      counts.put(name, status.column("status").stream().filter(name::equals).count());
    }
    return new DataQuality(
        phase.number(),
        quarter.end(),
        quarter.label(),
        authority,
        snapshot.id(),
        snapshot.release(),
        counts,
        Table.from(status, DataQuality.ROW.picks()),
        Table.from(findings, DataQuality.FINDINGS.picks()).rows());
  }

  /**
   * Each authority's status in the quarter, or one authority's when {@code authority} is given, for
   * the pages; an authority the snapshot does not know has none, where the API answers 404.
   */
  public List<SubmissionQuality> statuses(
      PinnedSnapshot snapshot, Phase phase, Quarter quarter, String authority) {
    return SubmissionQuality.of(queries.run(snapshot, quarterOf(phase, quarter, authority)));
  }

  /** The quarter's validation findings, or one authority's, in the query's order. */
  public List<Finding> findings(
      PinnedSnapshot snapshot, Phase phase, Quarter quarter, String authority) {
    return Finding.of(
        queries.run(
            snapshot, quarterOf(phase, quarter, authority).forQuery(Query.DATA_QUALITY_FINDINGS)));
  }

  private static QueryArguments quarterOf(Phase phase, Quarter quarter, String authority) {
    return QueryArguments.of(Query.DATA_QUALITY).phase(phase).quarter(quarter).authority(authority);
  }
}
