package uk.gov.tfwh.warehouse.query;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import uk.gov.tfwh.warehouse.table.ColumnType;

/**
 * The one place where JDBC values cross into the query layer, for both engines: parameters are
 * bound by type, and results are checked against the catalogue's column names and types and turned
 * into canonical Java values, so DuckDB's and Trino's answers compare equal when they agree.
 */
public final class JdbcValues {
  private JdbcValues() {}

  /** The Java type a value of this column type has in a {@link QueryResult} or as a parameter. */
  public static Class<?> javaType(ColumnType type) {
    return switch (type) {
      case STRING -> String.class;
      case INT -> Integer.class;
      case BIGINT -> Long.class;
      case BOOLEAN -> Boolean.class;
      case DATE -> LocalDate.class;
      case TIMESTAMP -> Instant.class;
      case MONEY, PERCENT -> BigDecimal.class;
      case DOUBLE -> Double.class;
    };
  }

  /** Binds values to the statement's markers in order; nulls bind as typed nulls. */
  public static void bind(PreparedStatement statement, List<Object> values) throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      Object value = values.get(i);
      int position = i + 1;
      if (value == null) {
        statement.setNull(position, Types.VARCHAR);
      } else if (value instanceof Integer number) {
        statement.setInt(position, number);
      } else if (value instanceof Long number) {
        statement.setLong(position, number);
      } else if (value instanceof String text) {
        statement.setString(position, text);
      } else if (value instanceof LocalDate date) {
        // ISO text cast by the SQL's CAST(? AS DATE): no JVM time zone can shift the day.
        statement.setString(position, date.toString());
      } else if (value instanceof Boolean flag) {
        statement.setBoolean(position, flag);
      } else {
        throw new IllegalArgumentException("cannot bind a " + value.getClass().getSimpleName());
      }
    }
  }

  /** Reads every row, checking the result's shape against the query's declared columns. */
  public static List<List<Object>> read(Query query, ResultSet results) throws SQLException {
    List<ResultColumn> columns = query.columns();
    checkShape(query, results.getMetaData());
    List<List<Object>> rows = new ArrayList<>();
    while (results.next()) {
      List<Object> row = new ArrayList<>(columns.size());
      for (int i = 0; i < columns.size(); i++) {
        row.add(value(results, i + 1, columns.get(i).type()));
      }
      rows.add(row);
    }
    return rows;
  }

  private static void checkShape(Query query, ResultSetMetaData meta) throws SQLException {
    List<ResultColumn> columns = query.columns();
    if (meta.getColumnCount() != columns.size()) {
      throw new QueryException(
          query.fileName()
              + " returned "
              + meta.getColumnCount()
              + " columns; the catalogue says "
              + columns.size());
    }
    for (int i = 0; i < columns.size(); i++) {
      ResultColumn expected = columns.get(i);
      String label = meta.getColumnLabel(i + 1);
      int sqlType = meta.getColumnType(i + 1);
      boolean typeMatches =
          switch (expected.type()) {
            case STRING -> sqlType == Types.VARCHAR || sqlType == Types.LONGVARCHAR;
            case INT -> sqlType == Types.INTEGER;
            case BIGINT -> sqlType == Types.BIGINT;
            case BOOLEAN -> sqlType == Types.BOOLEAN || sqlType == Types.BIT;
            case DATE -> sqlType == Types.DATE;
            case TIMESTAMP ->
                sqlType == Types.TIMESTAMP || sqlType == Types.TIMESTAMP_WITH_TIMEZONE;
            case MONEY -> sqlType == Types.DECIMAL && meta.getScale(i + 1) == 2;
            case PERCENT -> sqlType == Types.DECIMAL && meta.getScale(i + 1) == 1;
            case DOUBLE -> sqlType == Types.DOUBLE;
          };
      if (!expected.name().equalsIgnoreCase(label) || !typeMatches) {
        throw new QueryException(
            query.fileName()
                + " column "
                + (i + 1)
                + " is "
                + label
                + " "
                + meta.getColumnTypeName(i + 1)
                + "; the catalogue says "
                + expected.name()
                + " "
                + expected.type());
      }
    }
  }

  private static Object value(ResultSet results, int index, ColumnType type) throws SQLException {
    Object value =
        switch (type) {
          case STRING -> results.getString(index);
          case INT -> results.getInt(index);
          case BIGINT -> results.getLong(index);
          case BOOLEAN -> results.getBoolean(index);
          case DOUBLE -> results.getDouble(index);
          case MONEY -> scaled(results.getBigDecimal(index), 2);
          case PERCENT -> scaled(results.getBigDecimal(index), 1);
          case DATE -> date(results.getObject(index));
          case TIMESTAMP -> instant(results.getObject(index));
        };
    return results.wasNull() ? null : value;
  }

  private static BigDecimal scaled(BigDecimal value, int scale) {
    // Exact: a value that needs rounding means the SQL is wrong, and that must not be hidden.
    return value == null ? null : value.setScale(scale, java.math.RoundingMode.UNNECESSARY);
  }

  private static LocalDate date(Object value) {
    if (value == null || value instanceof LocalDate) {
      return (LocalDate) value;
    }
    if (value instanceof java.sql.Date date) {
      return date.toLocalDate();
    }
    return LocalDate.parse(value.toString());
  }

  /** Instants in UTC; a timestamp without zone is the UTC wall clock (sessions run in UTC). */
  private static Instant instant(Object value) {
    if (value == null || value instanceof Instant) {
      return (Instant) value;
    }
    if (value instanceof OffsetDateTime time) {
      return time.toInstant();
    }
    if (value instanceof ZonedDateTime time) {
      return time.toInstant();
    }
    if (value instanceof LocalDateTime time) {
      return time.toInstant(ZoneOffset.UTC);
    }
    if (value instanceof Timestamp time) {
      return time.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
    throw new QueryException("cannot read a " + value.getClass().getName() + " as an instant");
  }
}
