package uk.gov.tfwh.etl.migrate;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;
import uk.gov.tfwh.etl.spark.IcebergSparkCatalog;
import uk.gov.tfwh.etl.table.TableSchemas;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogDatabase;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings;
import uk.gov.tfwh.warehouse.iceberg.release.IcebergReleases;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseCatalog;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseOutline;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseTable;
import uk.gov.tfwh.warehouse.snapshot.SnapshotManifest;
import uk.gov.tfwh.warehouse.snapshot.SnapshotStore;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/**
 * {@code ./tfwh migrate --verify} (docs/design/iceberg.md, section 5.13.1): compares a migrated
 * Iceberg warehouse with the folder store it came from. The releases must begin with the source's
 * snapshots, in order, with equal manifests; the publications with the source's, with their times;
 * and while no load has followed the migration, the current and the published release must be the
 * source's. Then every table of every migrated release must hold exactly the rows of its snapshot's
 * table, compared row by row as multisets (every contract column, each side cast to the contract's
 * type) by one Spark aggregation per table.
 *
 * <p>A table whose source files (device and inode) and Iceberg snapshot are both those of a table
 * already found equal holds the same rows again and is not read twice: the folder store hard-links
 * what a load did not rewrite, and a migrated release names the previous release's snapshot there.
 */
public final class MigrationCheck {
  private static final String DIFFERENCE = "tfwh_verify_difference";
  private final SparkSession spark;
  private final Consumer<String> progress;

  public MigrationCheck(SparkSession spark, Consumer<String> progress) {
    this.spark = requireNonNull(spark, "spark");
    this.progress = requireNonNull(progress, "progress");
  }

  /** What was found equal: releases and tables compared, and tables compared row by row. */
  public record Result(int releases, int tables, int tablesRead) {}

  /**
   * Compares the warehouse of {@code settings} with the folder store {@code source}.
   *
   * @throws MigrationMismatchException naming the first release (and table) that differs
   */
  public Result verify(Path source, CatalogSettings settings) {
    SnapshotStore legacy = new SnapshotStore(source.toAbsolutePath().normalize());
    CatalogDatabase database = CatalogDatabase.of(settings);
    IcebergReleases statuses = new IcebergReleases(database);
    List<ReleaseOutline> migrated = new ReleaseCatalog(database).outlines();
    List<SnapshotManifest> snapshots = legacy.list();
    if (migrated.size() < snapshots.size()) {
      throw new MigrationMismatchException(
          "the source has "
              + snapshots.size()
              + " snapshots, the Iceberg warehouse "
              + migrated.size()
              + " releases");
    }
    for (int i = 0; i < snapshots.size(); i++) {
      SnapshotManifest snapshot = snapshots.get(i);
      if (!migrated.get(i).id().equals(snapshot.id())) {
        throw new MigrationMismatchException(
            "release "
                + (i + 1)
                + " is "
                + migrated.get(i).id()
                + ", the source's "
                + snapshot.id());
      }
      if (!statuses.manifest(snapshot.id()).equals(snapshot)) {
        throw new MigrationMismatchException(
            "release " + snapshot.id() + ": its manifest differs from the snapshot's");
      }
    }
    List<?> publications = statuses.publications();
    List<?> sourcePublications = legacy.publications();
    if (publications.size() < sourcePublications.size()
        || !publications.subList(0, sourcePublications.size()).equals(sourcePublications)) {
      throw new MigrationMismatchException(
          "the publications differ: the source's "
              + sourcePublications
              + ", the Iceberg warehouse's "
              + publications);
    }
    if (migrated.size() == snapshots.size()) {
      requireEqual("current", legacy.currentId(), statuses.currentId());
      requireEqual("published", legacy.publishedId(), statuses.publishedId());
    } else {
      progress.accept(
          "verify: "
              + (migrated.size() - snapshots.size())
              + " releases after the migrated ones are not compared");
    }
    SparkSession session = IcebergSparkCatalog.session(spark, settings);
    Set<List<Object>> equal = new HashSet<>();
    int tables = 0;
    int read = 0;
    for (int i = 0; i < snapshots.size(); i++) {
      ReleaseOutline release = migrated.get(i);
      LegacySnapshot snapshot =
          new LegacySnapshot(snapshots.get(i), legacy.snapshotDir(release.id()));
      for (WarehouseTable table : WarehouseTable.values()) {
        ReleaseTable released =
            release
                .table(settings.namespace(), table.tableName())
                .orElseThrow(
                    () ->
                        new MigrationMismatchException(
                            "release " + release.id() + " has no table " + table.tableName()));
        List<Object> same = List.of(table, snapshot.fileKeys(table), released.snapshotId());
        tables++;
        if (equal.contains(same)) {
          continue;
        }
        compare(session, settings, release, snapshot, table, released.snapshotId());
        equal.add(same);
        read++;
      }
      progress.accept("verify: release " + release.id() + " equals its snapshot");
    }
    return new Result(snapshots.size(), tables, read);
  }

  private static void requireEqual(String status, Optional<String> source, Optional<String> ids) {
    if (!source.equals(ids)) {
      throw new MigrationMismatchException(
          "the "
              + status
              + " release is "
              + ids.orElse("none")
              + ", the source's "
              + source.orElse("none"));
    }
  }

  /** The two sides as multisets of rows: nothing of either is missing from the other. */
  private void compare(
      SparkSession session,
      CatalogSettings settings,
      ReleaseOutline release,
      LegacySnapshot snapshot,
      WarehouseTable table,
      long snapshotId) {
    Dataset<Row> iceberg =
        contract(
            table,
            session
                .read()
                .option("snapshot-id", snapshotId)
                .table(settings.name() + "." + settings.namespace() + "." + table.tableName()));
    Dataset<Row> folder;
    if (snapshot.dataFiles(table).isEmpty()) {
      folder = spark.createDataFrame(List.of(), TableSchemas.of(table));
    } else {
      folder = contract(table, spark.read().parquet(snapshot.tableDir(table).toString()));
    }
    // One aggregation over both sides: each distinct row's count in Iceberg minus its count in
    // the snapshot; any row whose difference is not zero is a row one side has more often.
    List<Row> difference =
        iceberg
            .withColumn(DIFFERENCE, functions.lit(1L))
            .unionByName(folder.withColumn(DIFFERENCE, functions.lit(-1L)))
            .groupBy(iceberg.columns()[0], tail(iceberg.columns()))
            .agg(functions.sum(DIFFERENCE).as(DIFFERENCE))
            .filter(functions.col(DIFFERENCE).notEqual(0L))
            .limit(1)
            .collectAsList();
    if (!difference.isEmpty()) {
      Row row = difference.get(0);
      long more = row.getLong(row.length() - 1);
      throw new MigrationMismatchException(
          "release "
              + release.id()
              + ", table "
              + table.tableName()
              + ": the rows differ; "
              + Math.abs(more)
              + " more time(s) in "
              + (more > 0 ? "the Iceberg release" : "the snapshot")
              + ": "
              + IntStream.range(0, row.length() - 1)
                  .mapToObj(column -> String.valueOf(row.get(column)))
                  .collect(Collectors.joining(", ", "[", "]")));
    }
  }

  private static String[] tail(String[] columns) {
    return java.util.Arrays.copyOfRange(columns, 1, columns.length);
  }

  /** The contract's columns, in its order, each cast to its type. */
  private static Dataset<Row> contract(WarehouseTable table, Dataset<Row> rows) {
    StructField[] fields = TableSchemas.of(table).fields();
    Column[] columns = new Column[fields.length];
    for (int i = 0; i < fields.length; i++) {
      columns[i] = functions.col(fields[i].name()).cast(fields[i].dataType()).as(fields[i].name());
    }
    return rows.select(columns);
  }
}
