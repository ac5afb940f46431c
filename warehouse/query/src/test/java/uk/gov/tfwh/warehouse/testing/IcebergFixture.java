package uk.gov.tfwh.warehouse.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.OverwriteFiles;
import org.apache.iceberg.PartitionKey;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.InternalRecordWrapper;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.parquet.GenericParquetWriter;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.parquet.Parquet;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;
import org.apache.iceberg.types.Types.NestedField;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogDatabase;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings;
import uk.gov.tfwh.warehouse.iceberg.catalog.WarehouseCatalog;
import uk.gov.tfwh.warehouse.iceberg.release.Release;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseCatalog;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseCommit;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseRecord;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseTable;
import uk.gov.tfwh.warehouse.query.QueryEngineConfig;
import uk.gov.tfwh.warehouse.query.embedded.EmbeddedQueries;
import uk.gov.tfwh.warehouse.snapshot.ManifestJson;
import uk.gov.tfwh.warehouse.snapshot.SnapshotManifest;
import uk.gov.tfwh.warehouse.table.Column;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/**
 * The fixture snapshot ({@link SnapshotFixture}'s rows) as Iceberg releases: an embedded catalog
 * (SQLite) in a folder, its tables in the folder or on object storage, each table's rows written as
 * Parquet data files by Iceberg's own generic writer (so the files carry Iceberg's field ids and
 * the partition column, as the load's will) and committed as a new snapshot replacing the table's
 * rows, then the release recorded through {@link ReleaseCommit}. Tests only: the writer needs
 * Hadoop, which the main code never has.
 */
public final class IcebergFixture implements AutoCloseable {
  private static final Instant FIXTURE_TIME = Instant.parse("2026-01-01T00:00:00Z");

  private final WarehouseCatalog catalog;
  private final ReleaseCatalog releases;
  private final ReleaseCommit commits;

  private IcebergFixture(WarehouseCatalog catalog, CatalogDatabase database) {
    this.catalog = catalog;
    this.releases = new ReleaseCatalog(database);
    this.commits = new ReleaseCommit(database);
    releases.migrate();
  }

  /** Opens (creating when new) the embedded catalog of a warehouse folder. */
  public static IcebergFixture open(Path warehouseDir) {
    return open(CatalogSettings.embedded(warehouseDir), Map.of());
  }

  /**
   * Opens (creating when new) a catalog of these settings, such as one whose tables are on object
   * storage (the S3 fixture's settings), its secrets read from this environment.
   */
  public static IcebergFixture open(CatalogSettings settings, Map<String, String> environment) {
    return new IcebergFixture(
        WarehouseCatalog.open(settings, environment), CatalogDatabase.of(settings, environment));
  }

  public WarehouseCatalog catalog() {
    return catalog;
  }

  public ReleaseCatalog releases() {
    return releases;
  }

  /** The embedded engine over this catalog's releases; close it before this fixture. */
  public EmbeddedQueries queries(QueryEngineConfig config) {
    return EmbeddedQueries.overIceberg(catalog, releases, config);
  }

  /** Writes and commits the fixture as release {@code id} (it becomes current). */
  public Release commit(String id, int bump) {
    return commit(id, bump, true);
  }

  /**
   * Writes and commits the fixture as release {@code id}; {@code withClaims=false} leaves the
   * claims table without rows, and so its snapshot without files.
   */
  public Release commit(String id, int bump, boolean withClaims) {
    Map<WarehouseTable, List<List<Object>>> rows = SnapshotFixture.tables(id, bump, withClaims);
    List<ReleaseTable> tables = new ArrayList<>();
    for (Map.Entry<WarehouseTable, List<List<Object>>> table : rows.entrySet()) {
      Table iceberg = catalog.table(table.getKey());
      List<String> columns = table.getKey().columns().stream().map(Column::name).toList();
      Snapshot snapshot = replace(iceberg, write(iceberg, columns, table.getValue()));
      tables.add(releaseTable(catalog.namespace().toString(), iceberg, snapshot));
    }
    return commitRelease(id, bump, tables);
  }

  /** Records a release of these tables on the current release (its parent). */
  public Release commitRelease(String id, int bump, List<ReleaseTable> tables) {
    Optional<Release> parent = releases.current();
    Map<String, SnapshotManifest.TableStats> stats = new LinkedHashMap<>();
    tables.forEach(
        table ->
            stats.put(
                table.name(),
                new SnapshotManifest.TableStats(table.rowCount(), table.fileCount())));
    // The manifest as the folder store's fixture writes it, the tables' counts from the release.
    SnapshotManifest manifest =
        new SnapshotManifest(
            id,
            FIXTURE_TIME.plusSeconds(bump),
            parent.map(Release::id).orElse(null),
            SnapshotFixture.REFERENCE_VERSION,
            "fixture" + bump,
            List.of(),
            stats);
    ReleaseRecord record =
        new ReleaseRecord(
            parent.map(Release::seq).orElse(0L) + 1,
            id,
            parent.map(Release::id),
            manifest.createdAt(),
            manifest.referenceVersion(),
            manifest.inputsDigest(),
            ManifestJson.write(manifest),
            "{}",
            "IcebergFixture");
    Release release = new Release(record, tables);
    commits.commit(release);
    return release;
  }

  public void publish(String id) {
    commits.publish(id, "IcebergFixture");
  }

  /** A release's row for a table at a snapshot. */
  public static ReleaseTable releaseTable(String namespace, Table table, Snapshot snapshot) {
    Map<String, String> summary = snapshot.summary();
    return new ReleaseTable(
        namespace,
        table.name().substring(table.name().lastIndexOf('.') + 1),
        snapshot.snapshotId(),
        snapshot.schemaId(),
        Long.parseLong(summary.getOrDefault("total-records", "0")),
        Integer.parseInt(summary.getOrDefault("total-data-files", "0")));
  }

  /**
   * Writes rows (values in the order of {@code columns}, named as the table's current schema names
   * them) as Parquet data files of the table: one file per partition.
   */
  public static List<DataFile> write(Table table, List<String> columns, List<List<Object>> rows) {
    Schema schema = table.schema();
    PartitionSpec spec = table.spec();
    PartitionKey key = new PartitionKey(spec, schema);
    InternalRecordWrapper wrapper = new InternalRecordWrapper(schema.asStruct());
    Map<PartitionKey, List<Record>> partitions = new LinkedHashMap<>();
    for (List<Object> row : rows) {
      if (row.size() != columns.size()) {
        throw new IllegalArgumentException(table.name() + " row has " + row.size() + " values");
      }
      Record record = GenericRecord.create(schema);
      for (int i = 0; i < columns.size(); i++) {
        NestedField field = schema.findField(columns.get(i));
        if (field == null) {
          throw new IllegalArgumentException(table.name() + " has no column " + columns.get(i));
        }
        record.setField(field.name(), value(field.type(), row.get(i)));
      }
      key.partition(wrapper.wrap(record));
      partitions.computeIfAbsent(key.copy(), k -> new ArrayList<>()).add(record);
    }
    List<DataFile> files = new ArrayList<>();
    for (Map.Entry<PartitionKey, List<Record>> partition : partitions.entrySet()) {
      String name = "fixture-" + UUID.randomUUID() + ".parquet";
      // An unpartitioned table's file goes straight into data/: with an empty partition the
      // partitioned form gives data//name, which a file system forgives and S3 does not.
      String location =
          spec.isPartitioned()
              ? table.locationProvider().newDataLocation(spec, partition.getKey(), name)
              : table.locationProvider().newDataLocation(name);
      try {
        Parquet.DataWriteBuilder builder =
            Parquet.writeData(table.io().newOutputFile(location))
                .forTable(table)
                .createWriterFunc(GenericParquetWriter::create)
                .overwrite();
        if (spec.isPartitioned()) {
          builder.withPartition(partition.getKey());
        }
        DataWriter<Record> writer = builder.build();
        try (writer) {
          partition.getValue().forEach(writer::write);
        }
        files.add(writer.toDataFile());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + location, e);
      }
    }
    return files;
  }

  /** Commits these files as the table's only rows: a new snapshot, even with no files. */
  public static Snapshot replace(Table table, List<DataFile> files) {
    OverwriteFiles overwrite = table.newOverwrite().overwriteByRowFilter(Expressions.alwaysTrue());
    files.forEach(overwrite::addFile);
    overwrite.commit();
    return table.currentSnapshot();
  }

  /** Adds these files to the table's rows: a new snapshot. */
  public static Snapshot append(Table table, List<DataFile> files) {
    var append = table.newAppend();
    files.forEach(append::appendFile);
    append.commit();
    return table.currentSnapshot();
  }

  private static Object value(Type type, Object value) {
    if (value == null) {
      return null;
    }
    return switch (type.typeId()) {
      case STRING -> value.toString();
      case INTEGER -> ((Number) value).intValue();
      case LONG -> ((Number) value).longValue();
      case DOUBLE -> ((Number) value).doubleValue();
      case BOOLEAN -> (Boolean) value;
      case DATE -> (java.time.LocalDate) value;
      case TIMESTAMP -> OffsetDateTime.ofInstant((Instant) value, ZoneOffset.UTC);
      case DECIMAL ->
          (value instanceof BigDecimal decimal ? decimal : new BigDecimal(value.toString()))
              .setScale(((Types.DecimalType) type).scale(), RoundingMode.HALF_UP);
      default -> throw new IllegalArgumentException("no fixture values of type " + type);
    };
  }

  @Override
  public void close() {
    catalog.close();
  }
}
