package uk.gov.tfwh.warehouse.iceberg.release;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A release with its tables: everything a reader needs to read the warehouse as one load left it. A
 * release always names at least one table; its tables are kept in {@link ReleaseTable#ORDER}.
 */
public record Release(ReleaseRecord record, List<ReleaseTable> tables) {

  public Release {
    requireNonNull(record, "record");
    tables = tables.stream().sorted(ReleaseTable.ORDER).toList();
    if (tables.isEmpty()) {
      throw new IllegalArgumentException("release " + record.id() + " names no table");
    }
    Set<String> names = new HashSet<>();
    for (ReleaseTable table : tables) {
      if (!names.add(table.qualifiedName())) {
        throw new IllegalArgumentException(
            "release " + record.id() + " names table " + table.qualifiedName() + " twice");
      }
    }
  }

  public long seq() {
    return record.seq();
  }

  public String id() {
    return record.id();
  }

  /** The release without its manifest and report. */
  public ReleaseOutline outline() {
    return new ReleaseOutline(record.seq(), record.id(), tables);
  }

  /** The release's table of this namespace and name. */
  public Optional<ReleaseTable> table(String namespace, String name) {
    return ReleaseTable.named(tables, namespace, name);
  }
}
