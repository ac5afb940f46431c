package uk.gov.tfwh.warehouse.query.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.warehouse.iceberg.files.ReleaseFiles;
import uk.gov.tfwh.warehouse.iceberg.files.ReleaseFiles.PlannedTable;
import uk.gov.tfwh.warehouse.table.Column;
import uk.gov.tfwh.warehouse.table.ColumnType;
import uk.gov.tfwh.warehouse.testing.IcebergFixture;

/**
 * DuckDB reads an Iceberg table's files by field id, as Iceberg does: a column renamed after a file
 * was written reads under its new name, one added later reads as null in the older files, and a
 * snapshot from before either change still reads with today's column names.
 */
class FieldIdMappingTest {
  private static final LocalDate Q1 = LocalDate.of(2013, 6, 30);
  private static final LocalDate Q2 = LocalDate.of(2013, 9, 30);

  /** Today's contract of the test table: "turned" was renamed, "note" added. */
  private static final List<Column> COLUMNS =
      List.of(
          Column.required("code", ColumnType.STRING, "Code."),
          Column.optional("turned_around", ColumnType.BIGINT, "Count.").renamedFrom("turned"),
          Column.required("period_end", ColumnType.DATE, "Quarter (partition)."),
          Column.optional("note", ColumnType.STRING, "Added later."));

  @TempDir Path dir;
  private IcebergFixture fixture;
  private Table table;

  @BeforeEach
  void create() {
    fixture = IcebergFixture.open(dir);
    Schema schema =
        new Schema(
            Types.NestedField.required(1, "code", Types.StringType.get()),
            Types.NestedField.optional(2, "turned", Types.LongType.get()),
            Types.NestedField.required(3, "period_end", Types.DateType.get()));
    table =
        fixture
            .catalog()
            .catalog()
            .createTable(
                TableIdentifier.of(fixture.catalog().namespace(), "evolving"),
                schema,
                PartitionSpec.builderFor(schema).identity("period_end").build(),
                Map.of(TableProperties.FORMAT_VERSION, "2"));
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void renamedAndAddedColumnsResolveByFieldIdAndOldSnapshotsStillRead() throws SQLException {
    long beforeRename =
        append(List.of("code", "turned", "period_end"), row("A", 10L, Q1), row("B", 20L, Q2));
    table.updateSchema().renameColumn("turned", "turned_around").commit();
    long afterRename = append(List.of("code", "turned_around", "period_end"), row("C", 30L, Q2));
    table.updateSchema().addColumn("note", Types.StringType.get()).commit();
    long afterAdd =
        append(List.of("code", "turned_around", "period_end", "note"), row("D", 40L, Q2, "new"));

    PlannedTable now = ReleaseFiles.plan(table, afterAdd);
    assertThat(physicalColumns(now.files().get(0).path()))
        .contains("turned")
        .doesNotContain("note");

    assertThat(read(now))
        .containsExactly(
            row("A", 10L, Q1, null),
            row("B", 20L, Q2, null),
            row("C", 30L, Q2, null),
            row("D", 40L, Q2, "new"));
    assertThat(read(ReleaseFiles.plan(table, afterRename)))
        .containsExactly(row("A", 10L, Q1, null), row("B", 20L, Q2, null), row("C", 30L, Q2, null));
    PlannedTable old = ReleaseFiles.plan(table, beforeRename);
    assertThat(old.schema().findField("turned")).isNotNull();
    assertThat(read(old)).containsExactly(row("A", 10L, Q1, null), row("B", 20L, Q2, null));
  }

  private long append(List<String> columns, List<Object>... rows) {
    table.refresh();
    return IcebergFixture.append(table, IcebergFixture.write(table, columns, List.of(rows)))
        .snapshotId();
  }

  /** The rows DuckDB reads from the planned files, by the statement the engine makes. */
  private static List<List<Object>> read(PlannedTable planned) throws SQLException {
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duckdb.createStatement()) {
      statement.execute(ParquetTableSql.create("evolving", COLUMNS, planned, 1 << 20));
      List<List<Object>> rows = new ArrayList<>();
      try (ResultSet result =
          statement.executeQuery(
              "SELECT code, turned_around, period_end, note FROM evolving ORDER BY code")) {
        while (result.next()) {
          rows.add(
              row(
                  result.getString(1),
                  result.getObject(2),
                  result.getObject(3, LocalDate.class),
                  result.getString(4)));
        }
      }
      return rows;
    }
  }

  /** The column names written in a Parquet file. */
  private static List<String> physicalColumns(Path file) throws SQLException {
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duckdb.createStatement();
        ResultSet result =
            statement.executeQuery("SELECT name FROM parquet_schema('" + file + "')")) {
      List<String> names = new ArrayList<>();
      while (result.next()) {
        names.add(result.getString(1));
      }
      return names;
    }
  }

  private static List<Object> row(Object... values) {
    return Arrays.asList(values);
  }
}
