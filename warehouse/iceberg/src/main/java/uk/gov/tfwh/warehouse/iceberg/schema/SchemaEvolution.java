package uk.gov.tfwh.warehouse.iceberg.schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.iceberg.PartitionField;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.UpdateSchema;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;
import org.apache.iceberg.types.Types.NestedField;
import uk.gov.tfwh.warehouse.table.Column;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/**
 * Brings a live Iceberg table to the shape the contract now gives it, by Iceberg schema evolution:
 * a column the contract added becomes an optional column, a column whose {@link
 * Column#formerNames()} hold the table's name for it is renamed, an int widened to bigint or a
 * decimal whose precision rose is widened, and columns are put in contract order. Fields keep their
 * ids, so every snapshot written before still reads with its own schema.
 *
 * <p>Anything else (a column dropped, narrowed, changed to another type, made required or made
 * optional, a required column added, another partitioning) is refused with a {@link
 * SchemaMismatchException} naming the table, the column and the change needed, before anything is
 * changed.
 */
public final class SchemaEvolution {

  private SchemaEvolution() {}

  /**
   * Reconciles the table with the contract in one schema commit (none when it already matches) and
   * records the contract version; returns the changes made.
   */
  public static List<SchemaChange> reconcile(Table table, WarehouseTable contract) {
    return reconcile(table, IcebergSchemas.contract(contract));
  }

  /** As {@link #reconcile(Table, WarehouseTable)}, for a table's contract given explicitly. */
  public static List<SchemaChange> reconcile(Table table, TableContract contract) {
    List<SchemaChange> changes = plan(table.schema(), table.spec(), contract);
    if (!changes.isEmpty()) {
      UpdateSchema update = table.updateSchema();
      changes.forEach(change -> change.applyTo(update));
      update.commit();
    }
    String version = IcebergSchemas.contractVersion(contract);
    if (!version.equals(table.properties().get(IcebergSchemas.CONTRACT_VERSION))) {
      table.updateProperties().set(IcebergSchemas.CONTRACT_VERSION, version).commit();
    }
    return changes;
  }

  /**
   * The changes that bring a table with this schema and partitioning to the contract, in the order
   * they are applied.
   *
   * @throws SchemaMismatchException when the difference is not one schema evolution makes
   */
  public static List<SchemaChange> plan(Schema live, PartitionSpec spec, TableContract contract) {
    String table = contract.name();
    List<SchemaChange> renames = new ArrayList<>();
    List<SchemaChange> changes = new ArrayList<>();
    // For each contract column, the name the pending update knows it by (the table's, or its own
    // when added), and which of the table's columns it is.
    List<String> handles = new ArrayList<>();
    Map<String, String> contractNameOfLive = new HashMap<>();
    for (Column column : contract.columns()) {
      Optional<NestedField> existing = liveField(live, table, column);
      if (existing.isEmpty()) {
        changes.add(added(table, column));
        handles.add(column.name());
        continue;
      }
      NestedField field = existing.get();
      if (contractNameOfLive.putIfAbsent(field.name(), column.name()) != null) {
        throw new SchemaMismatchException(
            table,
            column.name(),
            "the table's column "
                + field.name()
                + " is claimed by two contract columns; give each its own former names");
      }
      if (!field.name().equals(column.name())) {
        renames.add(new SchemaChange.RenameColumn(field.name(), column.name()));
      }
      changes.addAll(changed(table, field, column));
      handles.add(field.name());
    }
    for (NestedField field : live.columns()) {
      if (!contractNameOfLive.containsKey(field.name())) {
        throw new SchemaMismatchException(
            table,
            field.name(),
            "the table has it and the contract does not; dropping a column is not supported: keep"
                + " it in the contract (optional if it is no longer written), or rename it there"
                + " with the old name in Column.formerNames");
      }
    }
    checkPartitioning(table, live, spec, contractNameOfLive, contract);
    List<SchemaChange> all = new ArrayList<>(renames);
    all.addAll(changes);
    all.addAll(moves(live, handles));
    return all;
  }

  /** The table's column for a contract column: by its name, else by one of its former names. */
  private static Optional<NestedField> liveField(Schema live, String table, Column column) {
    NestedField byName = live.findField(column.name());
    if (byName != null) {
      return Optional.of(byName);
    }
    List<NestedField> former =
        column.formerNames().stream().map(live::findField).filter(Objects::nonNull).toList();
    if (former.size() > 1) {
      throw new SchemaMismatchException(
          table,
          column.name(),
          "the table has more than one of its former names ("
              + former.stream().map(NestedField::name).toList()
              + "); only one of them can become "
              + column.name());
    }
    return former.stream().findFirst();
  }

  private static SchemaChange added(String table, Column column) {
    if (!column.nullable()) {
      throw new SchemaMismatchException(
          table,
          column.name(),
          "a required column cannot be added to a table whose rows were written without it;"
              + " declare it optional(...) in the contract");
    }
    return new SchemaChange.AddColumn(
        column.name(), IcebergSchemas.type(column.type()), column.description());
  }

  /** Widening and a new description; anything else about an existing column is refused. */
  private static List<SchemaChange> changed(String table, NestedField field, Column column) {
    List<SchemaChange> changes = new ArrayList<>();
    Type.PrimitiveType wanted = IcebergSchemas.type(column.type());
    if (!field.type().equals(wanted)) {
      if (!field.type().isPrimitiveType() || !widens(field.type().asPrimitiveType(), wanted)) {
        throw new SchemaMismatchException(
            table,
            column.name(),
            "the table has it as "
                + field.type()
                + " and the contract as "
                + wanted
                + "; Iceberg only widens int to bigint and raises a decimal's precision, so this"
                + " needs a new column under a new name");
      }
      changes.add(
          new SchemaChange.WidenColumn(field.name(), field.type().asPrimitiveType(), wanted));
    }
    if (field.isOptional() != column.nullable()) {
      throw new SchemaMismatchException(
          table,
          column.name(),
          field.isOptional()
              ? "the contract makes it required but the table's rows may hold nulls; keep it"
                  + " optional(...) in the contract"
              : "the contract makes it optional but the table has it required; making it optional"
                  + " (updateSchema().makeColumnOptional) is not a change the load makes: keep it"
                  + " required(...) in the contract, or make the table's column optional first");
    }
    if (!column.description().equals(field.doc())) {
      changes.add(new SchemaChange.DescribeColumn(field.name(), column.description()));
    }
    return changes;
  }

  private static boolean widens(Type.PrimitiveType from, Type.PrimitiveType to) {
    if (from.typeId() == Type.TypeID.INTEGER && to.typeId() == Type.TypeID.LONG) {
      return true;
    }
    return from instanceof Types.DecimalType a
        && to instanceof Types.DecimalType b
        && a.scale() == b.scale()
        && a.precision() < b.precision();
  }

  private static void checkPartitioning(
      String table,
      Schema live,
      PartitionSpec spec,
      Map<String, String> contractNameOfLive,
      TableContract contract) {
    List<String> has = new ArrayList<>();
    for (PartitionField field : spec.fields()) {
      String source = live.findColumnName(field.sourceId());
      has.add(
          field.transform().isIdentity()
              ? contractNameOfLive.getOrDefault(source, source)
              : field.transform() + "(" + source + ")");
    }
    List<String> wanted = contract.partitionColumns();
    if (!has.equals(wanted)) {
      String column = wanted.isEmpty() ? String.join(", ", has) : String.join(", ", wanted);
      throw new SchemaMismatchException(
          table,
          column,
          "the table is partitioned by "
              + has
              + " and the contract by "
              + wanted
              + "; repartitioning is not a change the load makes: it needs the table rewritten");
    }
  }

  /**
   * Moves that put the columns in contract order, given the order they will have once added columns
   * are appended: each column out of place goes after its predecessor in the contract.
   */
  private static List<SchemaChange> moves(Schema live, List<String> handles) {
    Set<String> inTable = new LinkedHashSet<>();
    live.columns().forEach(field -> inTable.add(field.name()));
    List<String> order = new ArrayList<>(inTable);
    handles.stream().filter(handle -> !inTable.contains(handle)).forEach(order::add);
    List<SchemaChange> moves = new ArrayList<>();
    for (int i = 0; i < handles.size(); i++) {
      String handle = handles.get(i);
      if (!order.get(i).equals(handle)) {
        order.remove(handle);
        order.add(i, handle);
        Optional<String> after = i == 0 ? Optional.empty() : Optional.of(handles.get(i - 1));
        moves.add(new SchemaChange.MoveColumn(handle, after));
      }
    }
    return moves;
  }
}
