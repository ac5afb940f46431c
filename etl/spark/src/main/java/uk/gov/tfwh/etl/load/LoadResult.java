package uk.gov.tfwh.etl.load;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import uk.gov.tfwh.etl.report.LoadReport;

/**
 * How a load ended when it did not fail.
 *
 * @param snapshotId the snapshot committed, or the current one when there was nothing new
 * @param report the load report; null when there was nothing new
 * @param deletedSnapshots old snapshots removed by the retention rule
 */
public record LoadResult(
    boolean nothingNew, String snapshotId, LoadReport report, List<String> deletedSnapshots) {
  public LoadResult {
    requireNonNull(snapshotId, "snapshotId");
    deletedSnapshots = List.copyOf(deletedSnapshots);
  }

  public Optional<LoadReport> loadReport() {
    return Optional.ofNullable(report);
  }
}
