package uk.gov.tfwh.warehouse.iceberg.release;

import static uk.gov.tfwh.warehouse.iceberg.release.ReleaseRecord.NAME_TEXT;
import static uk.gov.tfwh.warehouse.iceberg.release.ReleaseRecord.requireText;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One table of a release, as {@code tfwh_release_table} holds it: the Iceberg snapshot of the table
 * that the release reads, whatever the table's {@code main} branch says.
 *
 * @param namespace the table's namespace: the warehouse's or {@code tfwh_state}
 * @param name the table's name
 * @param snapshotId the table's Iceberg snapshot the release reads
 * @param schemaId that snapshot's schema
 * @param rowCount the rows of that snapshot
 * @param fileCount the data files of that snapshot
 */
public record ReleaseTable(
    String namespace, String name, long snapshotId, int schemaId, long rowCount, int fileCount) {

  /** Namespace, then name: the order a release's tables are kept and read in. */
  static final Comparator<ReleaseTable> ORDER =
      Comparator.comparing(ReleaseTable::namespace).thenComparing(ReleaseTable::name);

  /** The table of this namespace and name among a release's tables. */
  static Optional<ReleaseTable> named(List<ReleaseTable> tables, String namespace, String name) {
    return tables.stream()
        .filter(table -> table.namespace().equals(namespace) && table.name().equals(name))
        .findFirst();
  }

  public ReleaseTable {
    requireText("namespace", namespace, NAME_TEXT);
    requireText("name", name, NAME_TEXT);
    if (schemaId < 0 || rowCount < 0 || fileCount < 0) {
      throw new IllegalArgumentException(
          "table "
              + namespace
              + "."
              + name
              + ": schema id, row count and file count are 0 or more, not "
              + schemaId
              + ", "
              + rowCount
              + ", "
              + fileCount);
    }
  }

  /** {@code namespace.name}. */
  public String qualifiedName() {
    return namespace + "." + name;
  }
}
