package uk.gov.tfwh.etl.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.schema.MessageType;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import uk.gov.tfwh.etl.SharedSpark;
import uk.gov.tfwh.warehouse.table.Column;
import uk.gov.tfwh.warehouse.table.TableFiles;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

class DriverParquetFileTest {
  @TempDir Path dir;

  /** Every table Spark does not partition: those the driver may write. */
  @ParameterizedTest
  @EnumSource(value = WarehouseTable.class, names = "FACT_CLAIM", mode = EnumSource.Mode.EXCLUDE)
  void aDriverFileHasTheSchemaSparkWritesAndReadsBackTheSameValues(WarehouseTable table) {
    SparkSession spark = SharedSpark.session();
    List<Row> rows = DriverFileFixture.rows(table);
    Path byDriver = dir.resolve("driver");
    Path bySpark = dir.resolve("spark");

    DriverParquetFile.write(table, rows, byDriver);
    spark
        .createDataFrame(rows, TableSchemas.of(table))
        .coalesce(1)
        .write()
        .parquet(bySpark.toString());

    assertThat(schemaOf(byDriver)).isEqualTo(schemaOf(bySpark));
    List<Row> read =
        spark.read().schema(TableSchemas.of(table)).parquet(byDriver.toString()).collectAsList();
    assertThat(read).containsExactlyElementsOf(rows);
  }

  @Test
  void anEmptyTableIsOneFileWithTheSchemaAndNoRows() {
    DriverParquetFile.write(WarehouseTable.FACT_FINDING, List.of(), dir.resolve("t"));

    assertThat(TableFiles.dataFiles(dir.resolve("t"))).hasSize(1);
    assertThat(SharedSpark.session().read().parquet(dir.resolve("t").toString()).count()).isZero();
    assertThat(schemaOf(dir.resolve("t")))
        .isEqualTo(DriverParquetFile.schema(WarehouseTable.FACT_FINDING));
  }

  @Test
  void aTableIsNeverWrittenOverNorPartitionedOnTheDriver() throws IOException {
    Files.createDirectories(dir.resolve("there"));

    assertThatThrownBy(
            () ->
                DriverParquetFile.write(WarehouseTable.DIM_PERIOD, List.of(), dir.resolve("there")))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("cannot write dim_period");
    assertThatThrownBy(
            () -> DriverParquetFile.write(WarehouseTable.FACT_CLAIM, List.of(), dir.resolve("c")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fact_claim is partitioned");
  }

  @Test
  void aSumTooLargeForItsDecimalIsRefusedNotTruncated() {
    Row row = DriverFileFixture.row(WarehouseTable.FACT_PAYMENT, 0, false);
    Object[] values = new Object[row.length()];
    for (int i = 0; i < values.length; i++) {
      values[i] = row.get(i);
    }
    int total =
        WarehouseTable.FACT_PAYMENT.columns().stream()
            .map(Column::name)
            .toList()
            .indexOf("total_gbp");
    values[total] = new BigDecimal("1000000000000.00"); // 15 digits: money is decimal(14,2)

    assertThatThrownBy(
            () ->
                DriverParquetFile.write(
                    WarehouseTable.FACT_PAYMENT,
                    List.of(RowFactory.create(values)),
                    dir.resolve("p")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fact_payment.total_gbp")
        .hasMessageContaining("does not fit decimal(14,2)");
  }

  private static MessageType schemaOf(Path tableDir) {
    List<Path> files = new ArrayList<>(TableFiles.dataFiles(tableDir));
    assertThat(files).hasSize(1);
    return DriverFileFixture.schemaOf(files.get(0));
  }
}
