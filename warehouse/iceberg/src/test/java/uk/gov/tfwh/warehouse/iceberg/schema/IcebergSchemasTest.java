package uk.gov.tfwh.warehouse.iceberg.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Types.NestedField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import uk.gov.tfwh.warehouse.table.Column;
import uk.gov.tfwh.warehouse.table.ColumnType;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

class IcebergSchemasTest {

  @Test
  void eachContractTypeHasTheIcebergTypeTheDesignGivesIt() {
    assertThat(
            Arrays.stream(ColumnType.values())
                .collect(
                    Collectors.toMap(type -> type, type -> IcebergSchemas.type(type).toString())))
        .isEqualTo(
            Map.of(
                ColumnType.STRING, "string",
                ColumnType.INT, "int",
                ColumnType.BIGINT, "long",
                ColumnType.BOOLEAN, "boolean",
                ColumnType.DATE, "date",
                ColumnType.TIMESTAMP, "timestamptz",
                ColumnType.MONEY, "decimal(14, 2)",
                ColumnType.PERCENT, "decimal(7, 1)",
                ColumnType.DOUBLE, "double"));
  }

  @ParameterizedTest
  @EnumSource(WarehouseTable.class)
  void aTablesSchemaIsItsColumnsInContractOrderRequiredAsTheContractSays(WarehouseTable table) {
    Schema schema = IcebergSchemas.schema(IcebergSchemas.contract(table));

    List<NestedField> fields = schema.columns();
    assertThat(fields).hasSameSizeAs(table.columns());
    for (int i = 0; i < fields.size(); i++) {
      Column column = table.columns().get(i);
      NestedField field = fields.get(i);
      assertThat(field.fieldId()).isEqualTo(i + 1);
      assertThat(field.name()).isEqualTo(column.name());
      assertThat(field.type()).isEqualTo(IcebergSchemas.type(column.type()));
      assertThat(field.isOptional()).as(column.name()).isEqualTo(column.nullable());
      assertThat(field.doc()).isEqualTo(column.description());
    }
  }

  @Test
  void thePerQuarterFactsArePartitionedByQuarterAndNothingElseIs() {
    for (WarehouseTable table : WarehouseTable.values()) {
      TableContract contract = IcebergSchemas.contract(table);
      PartitionSpec spec = IcebergSchemas.partitionSpec(contract, IcebergSchemas.schema(contract));
      boolean byQuarter =
          List.of(
                  WarehouseTable.FACT_CLAIM,
                  WarehouseTable.FACT_RETURN,
                  WarehouseTable.FACT_PAYMENT,
                  WarehouseTable.AGG_AUTHORITY_QUARTER)
              .contains(table);

      assertThat(spec.isUnpartitioned()).as(table.tableName()).isEqualTo(!byQuarter);
      if (byQuarter) {
        assertThat(spec.fields()).hasSize(1);
        assertThat(spec.fields().get(0).name()).isEqualTo("period_end");
        assertThat(spec.fields().get(0).transform().isIdentity()).isTrue();
        assertThat(table.column("period_end").orElseThrow().nullable()).isFalse();
      }
    }
  }

  @Test
  void everyTablePartitionedInTheFolderStoreIsPartitionedTheSameWay() {
    for (WarehouseTable table : WarehouseTable.values()) {
      if (!table.partitionColumns().isEmpty()) {
        assertThat(IcebergSchemas.partitionColumns(table))
            .as(table.tableName())
            .isEqualTo(table.partitionColumns());
      }
    }
  }

  @Test
  void tablesAreVersionTwoKeepTheirSnapshotsAndNameTheirContract() {
    TableContract contract = IcebergSchemas.contract(WarehouseTable.FACT_CLAIM);

    assertThat(IcebergSchemas.tableProperties(contract))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "format-version", "2",
                "write.parquet.compression-codec", "snappy",
                "write.distribution-mode", "hash",
                "history.expire.max-snapshot-age-ms", "3153600000000",
                "history.expire.min-snapshots-to-keep", "1000000",
                "commit.retry.num-retries", "10",
                "tfwh.contract-version", IcebergSchemas.contractVersion(contract)));
  }

  @Test
  void theContractVersionChangesWithTheTablesShapeAndNotWithItsDescriptions() {
    TableContract contract = IcebergSchemas.contract(WarehouseTable.DIM_PERIOD);
    String version = IcebergSchemas.contractVersion(contract);
    Column first = contract.columns().get(0);

    assertThat(version).matches("[0-9a-f]{16}");
    assertThat(IcebergSchemas.contractVersion(IcebergSchemas.contract(WarehouseTable.DIM_TARGET)))
        .isNotEqualTo(version);
    assertThat(
            IcebergSchemas.contractVersion(
                replaceFirst(contract, new Column(first.name(), first.type(), false, "Reworded."))))
        .isEqualTo(version);
    assertThat(
            IcebergSchemas.contractVersion(
                replaceFirst(contract, Column.optional(first.name(), first.type(), "x"))))
        .isNotEqualTo(version);
    assertThat(
            IcebergSchemas.contractVersion(
                replaceFirst(contract, Column.required(first.name(), ColumnType.BIGINT, "x"))))
        .isNotEqualTo(version);
    assertThat(IcebergSchemas.contractVersion(replaceFirst(contract, first.renamedFrom("ph"))))
        .isNotEqualTo(version);
    assertThat(
            IcebergSchemas.contractVersion(
                new TableContract(contract.name(), contract.columns(), List.of("period_end"))))
        .isNotEqualTo(version);
  }

  private static TableContract replaceFirst(TableContract contract, Column column) {
    List<Column> columns = new ArrayList<>(contract.columns());
    columns.set(0, column);
    return contract.withColumns(columns);
  }
}
