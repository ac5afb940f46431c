package uk.gov.tfwh.etl.table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.spark.sql.Row;
import uk.gov.tfwh.warehouse.table.Column;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/**
 * What the tests of the driver's files ({@link DriverParquetFile}, {@link DriverIcebergFile}) write
 * and compare with Spark's: rows holding a value of every column's type, and a Parquet file's
 * schema.
 */
final class DriverFileFixture {
  private DriverFileFixture() {}

  /** Three rows of the table: the second null wherever a column allows it. */
  static List<Row> rows(WarehouseTable table) {
    return List.of(row(table, 0, false), row(table, 1, true), row(table, 2, false));
  }

  /** A row with a value of the column's type in every column, or null where allowed. */
  static Row row(WarehouseTable table, int n, boolean nullsWhereAllowed) {
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

  /** The Parquet schema in a file's footer (field ids, types, repetition). */
  static MessageType schemaOf(Path parquetFile) {
    try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(parquetFile))) {
      return reader.getFooter().getFileMetaData().getSchema();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
