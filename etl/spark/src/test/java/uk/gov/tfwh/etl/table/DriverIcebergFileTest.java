package uk.gov.tfwh.etl.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Table;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
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
import uk.gov.tfwh.warehouse.table.Column;
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
    List<Row> rows = List.of(row(table, 0, false), row(table, 1, true), row(table, 2, false));
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

  /** A row with a value of the column's type in every column, or null where allowed. */
  private static Row row(WarehouseTable table, int n, boolean nullsWhereAllowed) {
    ContractRow row = ContractRow.of(table);
    for (Column column : table.columns()) {
      if (nullsWhereAllowed && column.nullable()) {
        row.set(column.name(), null);
        continue;
      }
      Object value =
          switch (column.type()) {
            case STRING -> "é " + column.name() + " " + n;
            case INT -> -7 + n;
            case BIGINT -> 9_000_000_000L + n;
            case BOOLEAN -> n % 2 == 0;
            case DATE -> LocalDate.of(2013, 3, 31).plusDays(n);
            case TIMESTAMP -> Instant.parse("2015-04-30T23:59:59.123456Z").plusSeconds(n);
            case MONEY -> new BigDecimal("-123456789012.34").add(BigDecimal.valueOf(n));
            case PERCENT -> new BigDecimal("123456.7").negate().add(BigDecimal.valueOf(n));
            case DOUBLE -> 0.1 + n;
          };
      row.set(column.name(), value);
    }
    return row.build();
  }

  private static MessageType schemaOf(DataFile file) {
    try (ParquetFileReader reader =
        ParquetFileReader.open(new LocalInputFile(Path.of(URI.create(file.location()))))) {
      return reader.getFooter().getFileMetaData().getSchema();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
