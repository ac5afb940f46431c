package uk.gov.tfwh.warehouse.iceberg.release;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import uk.gov.tfwh.warehouse.snapshot.SnapshotStore;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/**
 * Releases for tests: ids of the snapshot store's form, every contract table and four state tables,
 * and table values derived from the release's number, so a reader can tell a release's tables from
 * another release's.
 */
final class ReleaseFixtures {
  static final List<String> STATE_TABLES =
      List.of("claim_row", "landing_file", "partition_digest", "return_read");

  /** How many tables each fixture release names. */
  static final int TABLES = WarehouseTable.values().length + STATE_TABLES.size();

  private static final Instant FIRST_LOAD = Instant.parse("2026-12-05T21:00:00.123456Z");

  private ReleaseFixtures() {}

  /** The first release, by a writer called {@code writer}. */
  static Release first(String writer) {
    return release(1, Optional.empty(), writer);
  }

  /** A release built on {@code parent}, by a writer called {@code writer}. */
  static Release child(Release parent, String writer) {
    return release(parent.seq() + 1, Optional.of(parent.id()), writer);
  }

  /** Release {@code seq} on a parent of this id, by a writer called {@code writer}. */
  static Release release(long seq, Optional<String> parentId, String writer) {
    String digest = Integer.toHexString(Math.abs((writer + seq).hashCode())) + "00000000";
    Instant createdAt = FIRST_LOAD.plusSeconds(3600 * seq);
    String id = SnapshotStore.newSnapshotId(createdAt, digest);
    ReleaseRecord record =
        new ReleaseRecord(
            seq,
            id,
            parentId,
            createdAt,
            "reference-2026.4",
            digest + "0123456789abcdef0123456789abcdef",
            "{\"id\": \"" + id + "\",\n \"note\": \"Pontypridd, Ynys Môn; it's \\\"quoted\\\"\"}",
            "{\"returnsRead\": " + seq + ", \"findings\": []}",
            "host-a, process " + writer + ", tfwh 0.1.0-SNAPSHOT");
    return new Release(record, tables(seq));
  }

  /** The tables of release {@code seq}: every value derived from the number. */
  static List<ReleaseTable> tables(long seq) {
    List<ReleaseTable> tables = new ArrayList<>();
    int i = 0;
    for (WarehouseTable table : WarehouseTable.values()) {
      tables.add(table("warehouse", table.tableName(), seq, i++));
    }
    for (String name : STATE_TABLES) {
      tables.add(table("tfwh_state", name, seq, i++));
    }
    return tables;
  }

  private static ReleaseTable table(String namespace, String name, long seq, int i) {
    // Iceberg snapshot ids are large positive longs.
    return new ReleaseTable(
        namespace, name, 7309590187431566080L + seq * 100 + i, i % 3, seq * 1000 + i, (int) seq);
  }

  /** Whether every table of a release read back holds the values of its own release number. */
  static boolean isWhole(Release release) {
    return release.tables().size() == TABLES
        && release.tables().stream()
            .allMatch(
                table ->
                    table.fileCount() == release.seq() && table.rowCount() / 1000 == release.seq());
  }
}
