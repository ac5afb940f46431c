package uk.gov.tfwh.exports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import uk.gov.tfwh.warehouse.query.QueryEngineConfig;
import uk.gov.tfwh.warehouse.query.WarehouseQueries;
import uk.gov.tfwh.warehouse.query.embedded.EmbeddedQueries;
import uk.gov.tfwh.warehouse.query.embedded.WarehouseReader;
import uk.gov.tfwh.warehouse.sample.SampleWarehouse;
import uk.gov.tfwh.warehouse.snapshot.SnapshotManifest;
import uk.gov.tfwh.warehouse.snapshot.SnapshotManifest.TableStats;
import uk.gov.tfwh.warehouse.snapshot.SnapshotStore;
import uk.gov.tfwh.warehouse.snapshot.StagedSnapshot;
import uk.gov.tfwh.warehouse.table.WarehouseTable;
import uk.gov.tfwh.warehouse.testing.ParquetTableWriter;
import uk.gov.tfwh.warehouse.testing.SnapshotFixture;

/**
 * Warehouses the export tests read: the seed-1 sample (the Iceberg store), and on the legacy folder
 * store the fixture snapshot published, a later fixture snapshot current but not yet published (the
 * pre-release case), and a snapshot carrying the hostile text of the contract example {@code
 * hostile-text-2013Q3.summary.csv}.
 */
final class ExportWarehouse implements AutoCloseable {
  static final String PUBLISHED = "20260101T000000000Z-published";
  static final String PRE_RELEASE = "20260102T000000000Z-prerelease";
  static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

  final WarehouseQueries queries;
  final Exports exports;
  private final WarehouseReader reader;

  private ExportWarehouse(SnapshotStore store) {
    this.reader = null;
    this.queries = new EmbeddedQueries(store, QueryEngineConfig.defaults());
    this.exports = new Exports(queries, store, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private ExportWarehouse(WarehouseReader reader) {
    this.reader = reader;
    this.queries = reader.queries(QueryEngineConfig.defaults());
    this.exports = new Exports(queries, reader.releases(), Clock.fixed(NOW, ZoneOffset.UTC));
  }

  /** PUBLISHED published, PRE_RELEASE committed after it (current, unpublished). */
  static ExportWarehouse fixture(Path dir) {
    SnapshotStore store = new SnapshotStore(dir);
    SnapshotFixture.commit(store, PUBLISHED, 0);
    store.publish(PUBLISHED);
    SnapshotFixture.commit(store, PRE_RELEASE, 3);
    return new ExportWarehouse(store);
  }

  /** The seed-1 sample (the Iceberg store, read only). */
  static ExportWarehouse seed1() {
    return new ExportWarehouse(WarehouseReader.iceberg(SampleWarehouse.seed1Catalog(), Map.of()));
  }

  /**
   * The fixture with the hostile example's free text put where exports show text: as authority
   * names (each risky first character once) and as every return's revision note.
   */
  static ExportWarehouse hostile(Path dir, String id) {
    return withText(dir, id, hostileNames(), hostileValues().get(1));
  }

  /** The fixture with these authority names (by code) and this text as every revision note. */
  static ExportWarehouse withText(
      Path dir, String id, Map<String, String> names, String revisionNote) {
    SnapshotStore store = new SnapshotStore(dir);
    Map<WarehouseTable, List<List<Object>>> tables =
        new LinkedHashMap<>(SnapshotFixture.tables(id, 0, true));
    for (WarehouseTable table :
        List.of(
            WarehouseTable.DIM_AUTHORITY,
            WarehouseTable.AGG_AUTHORITY_QUARTER,
            WarehouseTable.FACT_PAYMENT)) {
      replace(tables, table, "authority_name", names);
    }
    int note = index(WarehouseTable.FACT_RETURN, "revision_note");
    List<List<Object>> returns = new ArrayList<>();
    for (List<Object> row : tables.get(WarehouseTable.FACT_RETURN)) {
      List<Object> copy = new ArrayList<>(row);
      copy.set(note, revisionNote);
      returns.add(copy);
    }
    tables.put(WarehouseTable.FACT_RETURN, returns);
    StagedSnapshot staged = store.stage(id);
    Map<String, TableStats> stats = new LinkedHashMap<>();
    tables.forEach(
        (table, rows) ->
            stats.put(
                table.tableName(),
                ParquetTableWriter.write(table, rows, staged.tableDirectory(table))));
    store.commit(
        staged,
        new SnapshotManifest(
            id,
            NOW,
            store.currentId().orElse(null),
            SnapshotFixture.REFERENCE_VERSION,
            "hostile",
            List.of(),
            stats));
    return new ExportWarehouse(store);
  }

  /** submitted_by, sro_sign_off (and revision note if any) of the hostile example return. */
  static List<String> hostileValues() {
    // The repository's copy of the shared contract's example (contract/examples).
    Path file =
        Path.of(System.getProperty("tfwh.root.dir"))
            .resolve("contract/examples/hostile-text-2013Q3.summary.csv");
    try {
      CSVRecord record =
          CSVFormat.RFC4180
              .builder()
              .setHeader()
              .setSkipHeaderRecord(true)
              .get()
              .parse(Files.newBufferedReader(file, StandardCharsets.UTF_8))
              .getRecords()
              .get(0);
      return List.of(record.get("submitted_by"), record.get("sro_sign_off"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Fixture authority code to a hostile name: one for each character a formula can start with. */
  static Map<String, String> hostileNames() {
    List<String> hostile = hostileValues();
    Map<String, String> names = new LinkedHashMap<>();
    names.put(SnapshotFixture.BIRMINGHAM, hostile.get(1));
    names.put(SnapshotFixture.KENT, hostile.get(0));
    names.put(SnapshotFixture.BRISTOL, "-2+3+cmd|' /C calc'!A0");
    names.put(SnapshotFixture.SURREY, "@SUM(1+1)*cmd|' /C calc'!A0");
    names.put(SnapshotFixture.MIDDLESBROUGH, "\t=1+1");
    names.put(SnapshotFixture.GATESHEAD, "\r=1+1");
    return names;
  }

  private static void replace(
      Map<WarehouseTable, List<List<Object>>> tables,
      WarehouseTable table,
      String column,
      Map<String, String> byCode) {
    if (table.column(column).isEmpty()) {
      return;
    }
    int code = index(table, "authority_code");
    int target = index(table, column);
    List<List<Object>> rows = new ArrayList<>();
    for (List<Object> row : tables.get(table)) {
      List<Object> copy = new ArrayList<>(row);
      String replacement = byCode.get((String) row.get(code));
      if (replacement != null) {
        copy.set(target, replacement);
      }
      rows.add(copy);
    }
    tables.put(table, rows);
  }

  private static int index(WarehouseTable table, String column) {
    for (int i = 0; i < table.columns().size(); i++) {
      if (table.columns().get(i).name().equals(column)) {
        return i;
      }
    }
    throw new IllegalArgumentException(table + " has no column " + column);
  }

  @Override
  public void close() {
    queries.close();
    if (reader != null) {
      reader.close();
    }
  }
}
