package uk.gov.tfwh.warehouse.query;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import uk.gov.tfwh.warehouse.table.ColumnType;

/**
 * One row of a {@link QueryResult}, read by column name with the accessor for the column's declared
 * type ({@link ResultColumn}): reading a BIGINT as an int, or a column the query does not return,
 * fails naming the column, instead of a cast failing (or a wrong value passing) somewhere later.
 * Every accessor gives null where the value is null.
 */
public record ResultRow(QueryResult result, int index) {
  public ResultRow {
    requireNonNull(result, "result");
    if (index < 0 || index >= result.size()) {
      throw new IndexOutOfBoundsException("no row " + index + " of " + result.size());
    }
  }

  /** A STRING column. */
  public String text(String column) {
    return value(column, String.class, ColumnType.STRING);
  }

  /** An INT column. */
  public Integer integer(String column) {
    return value(column, Integer.class, ColumnType.INT);
  }

  /** A BIGINT column. */
  public Long longValue(String column) {
    return value(column, Long.class, ColumnType.BIGINT);
  }

  /** A MONEY or PERCENT column, at the column's scale. */
  public BigDecimal decimal(String column) {
    return value(column, BigDecimal.class, ColumnType.MONEY, ColumnType.PERCENT);
  }

  /** A DATE column. */
  public LocalDate date(String column) {
    return value(column, LocalDate.class, ColumnType.DATE);
  }

  /** A TIMESTAMP column, in UTC. */
  public Instant instant(String column) {
    return value(column, Instant.class, ColumnType.TIMESTAMP);
  }

  /** A BOOLEAN column. */
  public Boolean flag(String column) {
    return value(column, Boolean.class, ColumnType.BOOLEAN);
  }

  /** A BOOLEAN column where null counts as false (a flag never set). */
  public boolean isTrue(String column) {
    return Boolean.TRUE.equals(flag(column));
  }

  private <T> T value(String column, Class<T> type, ColumnType... readable) {
    int at = result.columnIndex(column);
    ColumnType declared = result.columns().get(at).type();
    for (ColumnType candidate : readable) {
      if (candidate == declared) {
        return type.cast(result.rows().get(index).get(at));
      }
    }
    throw new IllegalArgumentException(
        "column " + column + " is " + declared + ", not read as " + type.getSimpleName());
  }
}
