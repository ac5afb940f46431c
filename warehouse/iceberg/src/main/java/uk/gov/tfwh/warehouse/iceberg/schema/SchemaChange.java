package uk.gov.tfwh.warehouse.iceberg.schema;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.apache.iceberg.UpdateSchema;
import org.apache.iceberg.types.Type;

/**
 * One change {@link SchemaEvolution} makes to a table's schema. A column already in the table is
 * named as the table names it before the change; an added one by its new name.
 */
public sealed interface SchemaChange {

  /** Adds this change to a pending schema update. */
  void applyTo(UpdateSchema update);

  /** What the change does, for the load's log. */
  String describe();

  /** A column the contract added: optional, so rows written before it read as null. */
  record AddColumn(String column, Type.PrimitiveType type, String doc) implements SchemaChange {
    public AddColumn {
      requireNonNull(column, "column");
      requireNonNull(type, "type");
      requireNonNull(doc, "doc");
    }

    @Override
    public void applyTo(UpdateSchema update) {
      update.addColumn(column, type, doc);
    }

    @Override
    public String describe() {
      return "add optional column " + column + " " + type;
    }
  }

  /** A column the contract renamed (its {@code formerNames} hold the table's name for it). */
  record RenameColumn(String from, String to) implements SchemaChange {
    public RenameColumn {
      requireNonNull(from, "from");
      requireNonNull(to, "to");
    }

    @Override
    public void applyTo(UpdateSchema update) {
      update.renameColumn(from, to);
    }

    @Override
    public String describe() {
      return "rename column " + from + " to " + to;
    }
  }

  /** A column whose type the contract widened: int to bigint, or a decimal's precision raised. */
  record WidenColumn(String column, Type.PrimitiveType from, Type.PrimitiveType to)
      implements SchemaChange {
    public WidenColumn {
      requireNonNull(column, "column");
      requireNonNull(from, "from");
      requireNonNull(to, "to");
    }

    @Override
    public void applyTo(UpdateSchema update) {
      update.updateColumn(column, to);
    }

    @Override
    public String describe() {
      return "widen column " + column + " from " + from + " to " + to;
    }
  }

  /** A column whose description changed (the field's doc, which Trino shows as its comment). */
  record DescribeColumn(String column, String doc) implements SchemaChange {
    public DescribeColumn {
      requireNonNull(column, "column");
      requireNonNull(doc, "doc");
    }

    @Override
    public void applyTo(UpdateSchema update) {
      update.updateColumnDoc(column, doc);
    }

    @Override
    public String describe() {
      return "describe column " + column + " as '" + doc + "'";
    }
  }

  /** A column moved to its place in the contract's order: after another, or first. */
  record MoveColumn(String column, Optional<String> after) implements SchemaChange {
    public MoveColumn {
      requireNonNull(column, "column");
      requireNonNull(after, "after");
    }

    @Override
    public void applyTo(UpdateSchema update) {
      after.ifPresentOrElse(a -> update.moveAfter(column, a), () -> update.moveFirst(column));
    }

    @Override
    public String describe() {
      return "move column " + column + after.map(a -> " after " + a).orElse(" first");
    }
  }
}
