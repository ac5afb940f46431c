package uk.gov.tfwh.warehouse.iceberg.schema;

import static org.apache.iceberg.types.Types.NestedField.optional;
import static org.apache.iceberg.types.Types.NestedField.required;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.types.Types;
import org.apache.iceberg.types.Types.NestedField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings;
import uk.gov.tfwh.warehouse.iceberg.catalog.WarehouseCatalog;
import uk.gov.tfwh.warehouse.iceberg.schema.SchemaChange.AddColumn;
import uk.gov.tfwh.warehouse.iceberg.schema.SchemaChange.DescribeColumn;
import uk.gov.tfwh.warehouse.iceberg.schema.SchemaChange.MoveColumn;
import uk.gov.tfwh.warehouse.iceberg.schema.SchemaChange.RenameColumn;
import uk.gov.tfwh.warehouse.iceberg.schema.SchemaChange.WidenColumn;
import uk.gov.tfwh.warehouse.iceberg.testing.DataFileStubs;
import uk.gov.tfwh.warehouse.table.Column;
import uk.gov.tfwh.warehouse.table.ColumnType;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/**
 * Schema evolution on real Iceberg tables in an embedded catalog: each test creates a table as an
 * earlier contract had it, commits a snapshot, and reconciles it with a later contract.
 */
class SchemaEvolutionTest {
  private static final String PARTITION = "period_end=2013-03-31";

  /** The table as an earlier contract made it (ids as the catalog assigns them: 1, 2, ...). */
  private static final Schema OLD =
      new Schema(
          required(1, "authority_code", Types.StringType.get(), "Current GSS code."),
          required(2, "phase", Types.IntegerType.get(), "1 or 2."),
          required(3, "period_end", Types.DateType.get(), "Quarter."),
          required(4, "total", Types.DecimalType.of(14, 2), "Total."),
          required(5, "attached", Types.IntegerType.get(), "Families attached."),
          optional(6, "cap", Types.DecimalType.of(10, 2), "Cap."),
          optional(7, "share", Types.DecimalType.of(6, 1), "Share."));

  /** The same table as the contract has it now: renamed, widened, added to, re-described. */
  private static final TableContract NOW =
      new TableContract(
          "payments",
          List.of(
              Column.required("authority_code", ColumnType.STRING, "Current GSS code."),
              Column.required("phase", ColumnType.INT, "1 or 2."),
              Column.required("period_end", ColumnType.DATE, "Quarter."),
              Column.required("total_gbp", ColumnType.MONEY, "Total.").renamedFrom("total"),
              Column.required("attached", ColumnType.BIGINT, "Families attached."),
              Column.optional("cap", ColumnType.MONEY, "Most the authority can be paid."),
              Column.optional("share", ColumnType.PERCENT, "Share."),
              Column.optional("capped", ColumnType.BOOLEAN, "True when the cap applied.")),
          List.of("period_end"));

  @TempDir Path dir;
  private WarehouseCatalog catalog;

  @BeforeEach
  void openCatalog() {
    catalog = WarehouseCatalog.open(CatalogSettings.embedded(dir));
  }

  @AfterEach
  void closeCatalog() {
    catalog.close();
  }

  @Test
  void addedRenamedWidenedAndRedescribedColumnsChangeInOneCommitKeepingTheirIds() {
    Table table = create(OLD);
    int schemasBefore = table.schemas().size();

    List<SchemaChange> changes = SchemaEvolution.reconcile(table, NOW);

    assertThat(changes)
        .containsExactly(
            new RenameColumn("total", "total_gbp"),
            new WidenColumn("attached", Types.IntegerType.get(), Types.LongType.get()),
            new WidenColumn("cap", Types.DecimalType.of(10, 2), Types.DecimalType.of(14, 2)),
            new DescribeColumn("cap", "Most the authority can be paid."),
            new WidenColumn("share", Types.DecimalType.of(6, 1), Types.DecimalType.of(7, 1)),
            new AddColumn("capped", Types.BooleanType.get(), "True when the cap applied."));
    Table reloaded = load("payments");
    assertThat(reloaded.schemas()).hasSize(schemasBefore + 1);
    Schema now = reloaded.schema();
    assertThat(now.columns())
        .extracting(NestedField::name)
        .containsExactly(
            "authority_code",
            "phase",
            "period_end",
            "total_gbp",
            "attached",
            "cap",
            "share",
            "capped");
    assertThat(now.findField("total_gbp").fieldId()).isEqualTo(4);
    assertThat(now.findField("attached").fieldId()).isEqualTo(5);
    assertThat(now.findField("attached").type()).isEqualTo(Types.LongType.get());
    assertThat(now.findField("cap").type()).isEqualTo(Types.DecimalType.of(14, 2));
    assertThat(now.findField("cap").doc()).isEqualTo("Most the authority can be paid.");
    assertThat(now.findField("share").type()).isEqualTo(Types.DecimalType.of(7, 1));
    assertThat(now.findField("capped").fieldId()).isEqualTo(8);
    assertThat(now.findField("capped").isOptional()).isTrue();
    assertThat(reloaded.properties())
        .containsEntry(IcebergSchemas.CONTRACT_VERSION, IcebergSchemas.contractVersion(NOW));
  }

  @Test
  void aSnapshotFromBeforeTheChangeStillReadsWithItsOwnSchema() throws Exception {
    Table table = create(OLD);
    DataFile before = DataFileStubs.dataFile(table, PARTITION, "before", 10);
    table.newAppend().appendFile(before).commit();
    Snapshot old = table.currentSnapshot();

    SchemaEvolution.reconcile(table, NOW);
    Table reloaded = load("payments");
    reloaded
        .newAppend()
        .appendFile(DataFileStubs.dataFile(reloaded, "period_end=2013-06-30", "after", 20))
        .commit();

    Schema oldSchema = reloaded.schemas().get(old.schemaId());
    assertThat(oldSchema.asStruct()).isEqualTo(OLD.asStruct());
    assertThat(reloaded.newScan().useSnapshot(old.snapshotId()).schema().asStruct())
        .isEqualTo(OLD.asStruct());
    assertThat(reloaded.currentSnapshot().schemaId()).isNotEqualTo(old.schemaId());
    try (CloseableIterable<FileScanTask> tasks =
        reloaded.newScan().useSnapshot(old.snapshotId()).planFiles()) {
      assertThat(tasks)
          .extracting(task -> task.file().location())
          .containsExactly(before.location());
    }
    // Readers resolve columns by field id: the renamed column is the same field in both schemas.
    assertThat(oldSchema.findField("total").fieldId())
        .isEqualTo(reloaded.schema().findField("total_gbp").fieldId());
  }

  @Test
  void aTableAsTheContractHasItIsLeftAlone() {
    Table table = catalog.table(WarehouseTable.FACT_PAYMENT);
    String metadata = metadataLocation(table);

    assertThat(SchemaEvolution.reconcile(table, WarehouseTable.FACT_PAYMENT)).isEmpty();
    assertThat(metadataLocation(load(WarehouseTable.FACT_PAYMENT.tableName()))).isEqualTo(metadata);
    for (WarehouseTable each : WarehouseTable.values()) {
      Table live = catalog.table(each);
      assertThat(SchemaEvolution.plan(live.schema(), live.spec(), IcebergSchemas.contract(each)))
          .as(each.tableName())
          .isEmpty();
    }
  }

  @Test
  void aColumnAddedInTheMiddleIsMovedToItsPlace() {
    Table table = create(OLD);
    List<Column> columns = new ArrayList<>(NOW.columns());
    columns.add(2, Column.optional("region_code", ColumnType.STRING, "Region."));

    List<SchemaChange> changes = SchemaEvolution.reconcile(table, NOW.withColumns(columns));

    assertThat(changes)
        .filteredOn(MoveColumn.class::isInstance)
        .containsExactly(new MoveColumn("region_code", Optional.of("phase")));
    assertThat(load("payments").schema().columns())
        .extracting(NestedField::name)
        .containsExactlyElementsOf(columns.stream().map(Column::name).toList());
  }

  @Test
  void aDroppedColumnIsRefused() {
    assertRefused(
        without(NOW, "cap"),
        "table payments, column cap: the table has it and the contract does not",
        "keep it in the contract");
  }

  @Test
  void aNarrowedOrRetypedColumnIsRefused() {
    assertRefused(
        replace(NOW, Column.required("phase", ColumnType.STRING, "1 or 2.")),
        "table payments, column phase: the table has it as int and the contract as string",
        "needs a new column under a new name");
    assertRefused(
        replace(NOW, Column.optional("cap", ColumnType.PERCENT, "Cap.")),
        "column cap: the table has it as decimal(10, 2) and the contract as decimal(7, 1)",
        "needs a new column");
    assertRefused(
        replace(NOW, Column.optional("share", ColumnType.MONEY, "Share.")),
        "column share: the table has it as decimal(6, 1) and the contract as decimal(14, 2)",
        "needs a new column");
  }

  @Test
  void aRequiredColumnAddedIsRefused() {
    List<Column> columns = new ArrayList<>(NOW.columns());
    columns.add(Column.required("capped_at", ColumnType.DATE, "When."));

    assertRefused(
        NOW.withColumns(columns),
        "table payments, column capped_at: a required column cannot be added",
        "declare it optional(...) in the contract");
  }

  @Test
  void nullabilityChangesAreRefused() {
    assertRefused(
        replace(NOW, Column.required("cap", ColumnType.MONEY, "Cap.")),
        "column cap: the contract makes it required but the table's rows may hold nulls",
        "keep it optional(...)");
    assertRefused(
        replace(NOW, Column.optional("phase", ColumnType.INT, "1 or 2.")),
        "column phase: the contract makes it optional but the table has it required",
        "makeColumnOptional");
  }

  @Test
  void anotherPartitioningIsRefused() {
    assertRefused(
        new TableContract("payments", NOW.columns(), List.of()),
        "table payments, column period_end: the table is partitioned by [period_end] and the"
            + " contract by []",
        "it needs the table rewritten");
  }

  @Test
  void aColumnWhoseFormerNamesMatchTwoColumnsIsRefused() {
    List<Column> columns = new ArrayList<>(without(NOW, "cap").columns());
    columns.set(3, NOW.columns().get(3).renamedFrom("cap"));

    assertRefused(
        NOW.withColumns(columns),
        "table payments, column total_gbp: the table has more than one of its former names",
        "[total, cap]");
  }

  private void assertRefused(TableContract contract, String... messages) {
    Table table = create(OLD);
    table.newAppend().appendFile(DataFileStubs.dataFile(table, PARTITION, "rows", 10)).commit();
    String metadata = metadataLocation(table);

    assertThatThrownBy(() -> SchemaEvolution.reconcile(table, contract))
        .isInstanceOf(SchemaMismatchException.class)
        .satisfies(
            e -> {
              for (String message : messages) {
                assertThat(e).hasMessageContaining(message);
              }
            });
    assertThat(metadataLocation(load("payments"))).isEqualTo(metadata);
    catalog.catalog().dropTable(identifier("payments"), true);
  }

  private Table create(Schema schema) {
    return catalog
        .catalog()
        .buildTable(identifier("payments"), schema)
        .withPartitionSpec(PartitionSpec.builderFor(schema).identity("period_end").build())
        .withProperty("format-version", "2")
        .create();
  }

  private Table load(String name) {
    return catalog.catalog().loadTable(identifier(name));
  }

  private TableIdentifier identifier(String name) {
    return TableIdentifier.of(catalog.namespace(), name);
  }

  private static String metadataLocation(Table table) {
    return ((org.apache.iceberg.HasTableOperations) table)
        .operations()
        .current()
        .metadataFileLocation();
  }

  private static TableContract without(TableContract contract, String column) {
    return contract.withColumns(
        contract.columns().stream().filter(c -> !c.name().equals(column)).toList());
  }

  private static TableContract replace(TableContract contract, Column column) {
    return contract.withColumns(
        contract.columns().stream().map(c -> c.name().equals(column.name()) ? column : c).toList());
  }
}
