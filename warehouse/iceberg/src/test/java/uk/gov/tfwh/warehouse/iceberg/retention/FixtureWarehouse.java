package uk.gov.tfwh.warehouse.iceberg.retention;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.PartitionKey;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.ReplacePartitions;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotRef;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.InternalRecordWrapper;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.parquet.GenericParquetWriter;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.parquet.Parquet;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogDatabase;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings;
import uk.gov.tfwh.warehouse.iceberg.catalog.LocalFileIO;
import uk.gov.tfwh.warehouse.iceberg.catalog.WarehouseCatalog;
import uk.gov.tfwh.warehouse.iceberg.files.ReleaseFiles;
import uk.gov.tfwh.warehouse.iceberg.release.Release;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseCatalog;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseCommit;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseRecord;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseTable;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/**
 * An embedded warehouse (SQLite catalog, tables in a folder) that tests load as the load will
 * (docs/design/iceberg.md, section 5.4), writing real Parquet data files with Iceberg's generic
 * writer: branch {@code load_<id>} at the parent's snapshot, replace partitions (or overwrite) on
 * it, seal it as tag {@code r_<id>}, commit the release, move {@code main}. A load can be stopped
 * after any step, as a killed load would be. Three tables: {@code fact_claim} (partitioned by
 * quarter), {@code dim_authority} and the state table {@code tfwh_state.landing_file}.
 */
final class FixtureWarehouse implements AutoCloseable {

  /** Where a load stops, as if killed there. */
  enum StopAfter {
    BUILD,
    SEAL,
    RELEASE,
    NOTHING
  }

  static final TableIdentifier STATE =
      TableIdentifier.of(WarehouseCatalog.STATE_NAMESPACE, "landing_file");
  private static final Schema STATE_SCHEMA =
      new Schema(
          Types.NestedField.required(1, "name", Types.StringType.get()),
          Types.NestedField.required(2, "size", Types.LongType.get()));
  private static final Instant FIRST_LOAD = Instant.parse("2026-12-05T21:00:00Z");

  final Path dir;
  final WarehouseCatalog catalog;
  final CatalogDatabase database;
  final ReleaseCatalog releases;
  final ReleaseCommit commits;
  private int loads;

  private FixtureWarehouse(Path dir, CatalogSettings settings, Map<String, String> environment) {
    this.dir = dir;
    this.catalog = WarehouseCatalog.open(settings, environment);
    this.database = CatalogDatabase.of(settings, environment);
    this.releases = new ReleaseCatalog(database);
    this.commits = new ReleaseCommit(database);
    releases.migrate();
    if (!catalog.catalog().tableExists(STATE)) {
      catalog.catalog().createTable(STATE, STATE_SCHEMA, PartitionSpec.unpartitioned());
    }
  }

  /** The embedded warehouse in a folder: SQLite catalog, tables under it. */
  static FixtureWarehouse open(Path dir) {
    return new FixtureWarehouse(dir, CatalogSettings.embedded(dir), Map.of());
  }

  /** A warehouse of these settings (a PostgreSQL catalog), its password in this environment. */
  static FixtureWarehouse open(Path dir, CatalogSettings settings, Map<String, String> env) {
    return new FixtureWarehouse(dir, settings, env);
  }

  Table claims() {
    return catalog.table(WarehouseTable.FACT_CLAIM);
  }

  Table authorities() {
    return catalog.table(WarehouseTable.DIM_AUTHORITY);
  }

  Table state() {
    return catalog.catalog().loadTable(STATE);
  }

  List<Table> tables() {
    return List.of(claims(), authorities(), state());
  }

  /** A release id of the snapshot store's form, for load number {@code n}. */
  static String id(int n) {
    return String.format("20261205T%02d0000000Z-%08x", n % 24, n);
  }

  /**
   * A load: replaces these quarters of the claims, rewrites the authorities when asked, always
   * rewrites the state; every other table of the parent release is carried.
   *
   * @return the release (committed unless stopped before)
   */
  Release load(String id, List<LocalDate> quarters, boolean authorities, StopAfter stop) {
    loads++;
    Optional<Release> parent = releases.current();
    String branch = ReleaseRefs.loadBranch(id);
    Map<Table, String> written = new LinkedHashMap<>();
    if (!quarters.isEmpty()) {
      written.put(claims(), "claims");
    }
    if (authorities) {
      written.put(authorities(), "authorities");
    }
    written.put(state(), "state");
    for (Table table : written.keySet()) {
      Optional<Long> from = parent.flatMap(release -> snapshotOf(release, table));
      if (from.isPresent()) {
        table.manageSnapshots().createBranch(branch, from.get()).commit();
      } else {
        table.manageSnapshots().createBranch(branch).commit();
      }
      if (table.spec().isPartitioned()) {
        ReplacePartitions replace = table.newReplacePartitions().toBranch(branch);
        for (LocalDate quarter : quarters) {
          write(table, 3, quarter).forEach(replace::addFile);
        }
        replace.commit();
      } else {
        var overwrite =
            table.newOverwrite().overwriteByRowFilter(Expressions.alwaysTrue()).toBranch(branch);
        write(table, 2 + loads, null).forEach(overwrite::addFile);
        overwrite.commit();
      }
    }
    if (stop == StopAfter.BUILD) {
      return null;
    }
    List<ReleaseTable> tables = new ArrayList<>();
    for (Table table : tables()) {
      table.refresh();
      Long head;
      if (written.keySet().stream().anyMatch(w -> w.name().equals(table.name()))) {
        head = table.refs().get(branch).snapshotId();
        table
            .manageSnapshots()
            .createTag(ReleaseRefs.releaseTag(id), head)
            .removeBranch(branch)
            .commit();
      } else {
        Optional<Long> carried = parent.flatMap(release -> snapshotOf(release, table));
        if (carried.isEmpty()) {
          continue;
        }
        head = carried.get();
        table.manageSnapshots().createTag(ReleaseRefs.releaseTag(id), head).commit();
      }
      table.refresh();
      tables.add(releaseTable(table, table.snapshot(head)));
    }
    ReleaseRecord record =
        new ReleaseRecord(
            parent.map(Release::seq).orElse(0L) + 1,
            id,
            parent.map(Release::id),
            FIRST_LOAD.plusSeconds(60L * loads),
            "reference-1",
            "digest" + loads,
            "{}",
            "{}",
            "FixtureWarehouse");
    Release release = new Release(record, tables);
    if (stop == StopAfter.SEAL) {
      return release;
    }
    commits.commit(release);
    if (stop == StopAfter.RELEASE) {
      return release;
    }
    for (ReleaseTable table : tables) {
      Table iceberg = table(table);
      if (iceberg.refs().containsKey(ReleaseRefs.MAIN)) {
        iceberg.manageSnapshots().replaceBranch(ReleaseRefs.MAIN, table.snapshotId()).commit();
      } else {
        iceberg.manageSnapshots().createBranch(ReleaseRefs.MAIN, table.snapshotId()).commit();
      }
    }
    return release;
  }

  /** Publishes a release: its row, then the {@code published} tag on every table. */
  void publish(Release release) {
    commits.publish(release.id(), "FixtureWarehouse");
    for (ReleaseTable table : release.tables()) {
      Table iceberg = table(table);
      SnapshotRef published = iceberg.refs().get(ReleaseRefs.PUBLISHED);
      if (published == null) {
        iceberg.manageSnapshots().createTag(ReleaseRefs.PUBLISHED, table.snapshotId()).commit();
      } else {
        iceberg.manageSnapshots().replaceTag(ReleaseRefs.PUBLISHED, table.snapshotId()).commit();
      }
    }
  }

  Table table(ReleaseTable table) {
    return catalog.catalog().loadTable(TableIdentifier.of(table.namespace(), table.name()));
  }

  /** A data file written under the table's location and never committed, as a killed write's. */
  Path writeUncommitted(Table table, LocalDate quarter) {
    return path(write(table, 1, quarter).get(0).location());
  }

  /** As {@link #writeUncommitted}, by location: an {@code s3://} warehouse's file too. */
  String writeUncommittedObject(Table table, LocalDate quarter) {
    return write(table, 1, quarter).get(0).location();
  }

  /** The data files of every table of a release, planned; each must exist. */
  List<Path> files(Release release) {
    List<Path> files = new ArrayList<>();
    for (ReleaseTable table : release.tables()) {
      ReleaseFiles.plan(table(table), table.snapshotId()).files().stream()
          .map(ReleaseFiles.PlannedFile::path)
          .forEach(files::add);
    }
    return files;
  }

  /** The rows each table of a release reads, as Iceberg reads them, by table name. */
  Map<String, Long> rowCounts(Release release) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (ReleaseTable table : release.tables()) {
      long rows = 0;
      try (CloseableIterable<Record> records =
          IcebergGenerics.read(table(table)).useSnapshot(table.snapshotId()).build()) {
        for (Record ignored : records) {
          rows++;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      counts.put(table.qualifiedName(), rows);
    }
    return counts;
  }

  /** Every file under the tables' locations, of any kind. */
  List<Path> filesOnDisk() {
    List<Path> files = new ArrayList<>();
    for (Table table : tables()) {
      Path location = LocalFileIO.path(table.location());
      if (!Files.isDirectory(location)) {
        continue;
      }
      try (Stream<Path> paths = Files.walk(location)) {
        paths.filter(Files::isRegularFile).sorted().forEach(files::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return files;
  }

  static Path path(String location) {
    return LocalFileIO.path(location).normalize();
  }

  private static Optional<Long> snapshotOf(Release release, Table table) {
    String[] name = table.name().split("\\.");
    String namespace = name[name.length - 2];
    return release.table(namespace, name[name.length - 1]).map(ReleaseTable::snapshotId);
  }

  private static ReleaseTable releaseTable(Table table, Snapshot snapshot) {
    String[] name = table.name().split("\\.");
    Map<String, String> summary = snapshot.summary();
    return new ReleaseTable(
        name[name.length - 2],
        name[name.length - 1],
        snapshot.snapshotId(),
        snapshot.schemaId(),
        Long.parseLong(summary.getOrDefault("total-records", "0")),
        Integer.parseInt(summary.getOrDefault("total-data-files", "0")));
  }

  /** One Parquet data file of {@code rows} rows (in the quarter's partition when partitioned). */
  private List<DataFile> write(Table table, int rows, LocalDate quarter) {
    Schema schema = table.schema();
    PartitionSpec spec = table.spec();
    List<Record> records = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      Record record = GenericRecord.create(schema);
      for (Types.NestedField field : schema.columns()) {
        record.setField(field.name(), value(field, i, quarter));
      }
      records.add(record);
    }
    PartitionKey key = new PartitionKey(spec, schema);
    key.partition(new InternalRecordWrapper(schema.asStruct()).wrap(records.get(0)));
    String file = "fixture-" + UUID.randomUUID() + ".parquet";
    // Unpartitioned, the partition form names ".../data//file", which S3 signs as another key.
    String location =
        spec.isPartitioned()
            ? table.locationProvider().newDataLocation(spec, key, file)
            : table.locationProvider().newDataLocation(file);
    try {
      Parquet.DataWriteBuilder builder =
          Parquet.writeData(table.io().newOutputFile(location))
              .forTable(table)
              .createWriterFunc(GenericParquetWriter::create)
              .overwrite();
      if (spec.isPartitioned()) {
        builder.withPartition(key);
      }
      DataWriter<Record> writer = builder.build();
      try (writer) {
        records.forEach(writer::write);
      }
      return List.of(writer.toDataFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + location, e);
    }
  }

  private static Object value(Types.NestedField field, int i, LocalDate quarter) {
    Type type = field.type();
    if (field.name().equals("period_end")) {
      return quarter;
    }
    return switch (type.typeId()) {
      case STRING -> field.name() + "-" + i;
      case INTEGER -> i;
      case LONG -> (long) i;
      case DOUBLE -> i / 2.0;
      case BOOLEAN -> i % 2 == 0;
      case DATE -> LocalDate.of(2020, 1, 1).plusDays(i);
      case TIMESTAMP -> OffsetDateTime.of(2020, 1, 1, 0, 0, i, 0, ZoneOffset.UTC);
      case DECIMAL -> BigDecimal.valueOf(i).setScale(((Types.DecimalType) type).scale());
      default -> throw new IllegalArgumentException("no fixture values of type " + type);
    };
  }

  @Override
  public void close() {
    catalog.close();
  }
}
