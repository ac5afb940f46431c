package uk.gov.tfwh.api.benchmark;

import java.util.List;
import java.util.Optional;
import uk.gov.tfwh.warehouse.query.benchmark.BenchmarkSummary;

/**
 * An authority against one comparison group, for the pages: every member and the warehouse's
 * summary (rank in the group, quartiles and median).
 *
 * @param summary null when the authority has no figures in the quarter, which a page shows as such
 *     rather than refusing as the API does
 */
public record BenchmarkGroup(List<BenchmarkMember> members, BenchmarkSummary summary) {
  public BenchmarkGroup {
    members = List.copyOf(members);
  }

  /** The authority's own line, when it has figures in the quarter. */
  public Optional<BenchmarkMember> subject() {
    return members.stream().filter(BenchmarkMember::subject).findFirst();
  }
}
