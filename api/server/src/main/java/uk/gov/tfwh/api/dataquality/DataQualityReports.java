package uk.gov.tfwh.api.dataquality;

import java.util.LinkedHashMap;
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
    QueryArguments quarterOf =
        QueryArguments.of(Query.DATA_QUALITY).phase(phase).quarter(quarter).authority(authority);
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
}
