package uk.gov.tfwh.warehouse.iceberg.release;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A file of SQL statements kept next to this class: statements end with {@code ;} at the end of a
 * line, {@code --} starts a comment, and a comment line {@code -- name: x} names the statement that
 * follows it. Comments are not sent to the database.
 */
public final class SqlFile {
  private static final String NAME = "-- name:";

  private final String resource;
  private final List<String> statements;
  private final Map<String, String> named;

  private SqlFile(String resource, List<String> statements, Map<String, String> named) {
    this.resource = resource;
    this.statements = List.copyOf(statements);
    this.named = Map.copyOf(named);
  }

  /**
   * The statements of a resource file in this package, or of any package when the name starts with
   * {@code /} (such as {@code /uk/gov/tfwh/warehouse/iceberg/lock/advisory-lock.sql}).
   */
  public static SqlFile load(String resource) {
    String text;
    try (InputStream in = SqlFile.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no SQL resource " + resource + " next to SqlFile");
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the SQL resource " + resource, e);
    }
    return parse(resource, text);
  }

  static SqlFile parse(String resource, String text) {
    List<String> statements = new ArrayList<>();
    Map<String, String> named = new LinkedHashMap<>();
    String name = null;
    StringBuilder statement = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      if (line.strip().startsWith(NAME)) {
        name = line.strip().substring(NAME.length()).strip();
        continue;
      }
      int comment = line.indexOf("--");
      String sql = (comment < 0 ? line : line.substring(0, comment)).stripTrailing();
      if (sql.isBlank()) {
        continue;
      }
      statement.append(statement.length() == 0 ? "" : "\n").append(sql);
      if (sql.endsWith(";")) {
        String complete = statement.substring(0, statement.length() - 1).strip();
        statements.add(complete);
        if (name != null && named.put(name, complete) != null) {
          throw new IllegalStateException(resource + " names two statements " + name);
        }
        name = null;
        statement.setLength(0);
      }
    }
    if (!statement.toString().isBlank()) {
      throw new IllegalStateException(resource + " ends with a statement without ';'");
    }
    return new SqlFile(resource, statements, named);
  }

  /** Every statement, in the file's order. */
  public List<String> statements() {
    return statements;
  }

  /** The statement of this name. */
  public String statement(String name) {
    String statement = named.get(name);
    if (statement == null) {
      throw new IllegalStateException(resource + " has no statement named " + name);
    }
    return statement;
  }
}
