package uk.gov.tfwh.etl.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Table;
import org.apache.parquet.schema.MessageType;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import uk.gov.tfwh.etl.SharedSpark;
import uk.gov.tfwh.etl.spark.IcebergSparkCatalog;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings;
import uk.gov.tfwh.warehouse.iceberg.catalog.WarehouseCatalog;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/**
 * A data file the driver writes into an Iceberg table ({@link DriverIcebergFile}) has exactly the
 * Parquet schema of the file Spark's Iceberg writer makes of the same rows (field ids, types,
 * repetition, the partition column inside), and reads back as those rows: every reader sees one
 * table whichever wrote a file.
 */
class DriverIcebergFileTest {
  @org.junit.jupiter.api.io.TempDir static Path dir;
  static CatalogSettings settings;
  static SparkSession spark;
  static LoadCatalog catalog;

  @BeforeAll
  static void openCatalog() {
    settings = CatalogSettings.embedded(dir);
    WarehouseCatalog.open(settings).close(); // creates the tables
    spark = IcebergSparkCatalog.session(SharedSpark.session(), settings);
    // One catalog connection for Spark's commits and the test's (SQLite, one process).
    catalog = new LoadCatalog(settings, IcebergSparkCatalog.icebergCatalog(spark, settings));
  }

  @ParameterizedTest
  @EnumSource(value = WarehouseTable.class, names = "FACT_CLAIM", mode = EnumSource.Mode.EXCLUDE)
  void aDriverFileHasTheSchemaOfSparksAndReadsBackTheSameRows(WarehouseTable table)
      throws Exception {
    List<Row> rows = DriverFileFixture.rows(table);
    Table iceberg = catalog.table(table);
    iceberg.manageSnapshots().createBranch("driver").createBranch("spark").commit();

    AppendFiles append = catalog.table(table).newAppend();
    List<DataFile> written = new ArrayList<>();
    PartitionDigests.split(table, rows)
        .values()
        .forEach(partition -> written.add(DriverIcebergFile.write(iceberg, table, partition)));
    written.forEach(append::appendFile);
    append.toBranch("driver").commit();
    spark
        .createDataFrame(rows, TableSchemas.of(table))
        .writeTo(
            settings.name()
                + "."
                + settings.namespace()
                + "."
                + table.tableName()
                + ".branch_spark")
        .append();

    Table after = catalog.table(table);
    DataFile bySpark = after.snapshot("spark").addedDataFiles(after.io()).iterator().next();
    assertThat(schemaOf(written.get(0))).isEqualTo(schemaOf(bySpark));
    List<Row> read =
        spark
            .read()
            .option("branch", "driver")
            .table(settings.name() + "." + settings.namespace() + "." + table.tableName())
            .collectAsList();
    assertThat(read).containsExactlyInAnyOrderElementsOf(rows);
  }

  private static MessageType schemaOf(DataFile file) {
    return DriverFileFixture.schemaOf(Path.of(URI.create(file.location())));
  }
}
