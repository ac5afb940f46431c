package uk.gov.tfwh.warehouse.iceberg.release;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * A release's number, id and tables, without its manifest and load report: what keeping the refs
 * and retention need. Those two documents grow with the landing folder and the returns (megabytes
 * each on the whole programme), so the writers' reads of every release take this instead, and a
 * load reads one release's documents (its parent's), not every retained one's.
 *
 * @param seq the release's number
 * @param id the release's id
 * @param tables its tables, in {@link ReleaseTable#ORDER}
 */
public record ReleaseOutline(long seq, String id, List<ReleaseTable> tables) {

  public ReleaseOutline {
    ReleaseRecord.requireId("id", id);
    tables = requireNonNull(tables, "tables").stream().sorted(ReleaseTable.ORDER).toList();
  }

  /** The release's table of this namespace and name. */
  public Optional<ReleaseTable> table(String namespace, String name) {
    return ReleaseTable.named(tables, namespace, name);
  }
}
