package uk.gov.tfwh.warehouse.query;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The rows a catalogue query returned, in the query's order, and the one snapshot they came from.
 * Values are canonical Java types whatever the engine: String, Integer, Long, Boolean, LocalDate,
 * Instant (UTC), BigDecimal (at the column's scale) or Double; null where the value is null.
 */
public record QueryResult(List<ResultColumn> columns, List<List<Object>> rows, String snapshotId)
    implements Iterable<ResultRow> {
  public QueryResult {
    requireNonNull(snapshotId, "snapshotId");
    columns = List.copyOf(columns);
    List<List<Object>> copied = new ArrayList<>(rows.size());
    for (List<Object> row : rows) {
      if (row.size() != columns.size()) {
        throw new IllegalArgumentException(
            "a row has " + row.size() + " values for " + columns.size() + " columns");
      }
      copied.add(Collections.unmodifiableList(new ArrayList<>(row)));
    }
    rows = Collections.unmodifiableList(copied);
  }

  public int size() {
    return rows.size();
  }

  public boolean isEmpty() {
    return rows.isEmpty();
  }

  /**
   * The columns that rank an authority among every authority: where it stands depends on every
   * other authority's figures of the same snapshot ({@code agg_authority_quarter}).
   */
  public static final Set<String> RANK_COLUMNS =
      Set.of("national_rank", "region_rank", "type_rank", "quartile");

  /** These rows with every {@link #RANK_COLUMNS rank column} they have set to null. */
  public QueryResult withoutRanks() {
    List<Integer> ranks = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      if (RANK_COLUMNS.contains(columns.get(i).name())) {
        ranks.add(i);
      }
    }
    if (ranks.isEmpty()) {
      return this;
    }
    List<List<Object>> withheld = new ArrayList<>(rows.size());
    for (List<Object> row : rows) {
      List<Object> copy = new ArrayList<>(row);
      ranks.forEach(i -> copy.set(i, null));
      withheld.add(copy);
    }
    return new QueryResult(columns, withheld, snapshotId);
  }

  /** The position of a column; throws when the result has no such column. */
  public int columnIndex(String name) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException("the result has no column " + name);
  }

  /** One row, read by column with the accessor of the column's type. */
  public ResultRow row(int index) {
    return new ResultRow(this, index);
  }

  /** The rows in order, each read by column with the accessor of the column's type. */
  @Override
  public Iterator<ResultRow> iterator() {
    return IntStream.range(0, rows.size()).mapToObj(this::row).iterator();
  }

  /** The first row, or empty when there is none. */
  public Optional<ResultRow> first() {
    return rows.isEmpty() ? Optional.empty() : Optional.of(row(0));
  }

  /** The value in a row and named column, as its canonical type. */
  public <T> T value(int row, String column, Class<T> type) {
    return type.cast(rows.get(row).get(columnIndex(column)));
  }

  /** Every value of one column, in row order. */
  public List<Object> column(String name) {
    int index = columnIndex(name);
    List<Object> values = new ArrayList<>(rows.size());
    for (List<Object> row : rows) {
      values.add(row.get(index));
    }
    return Collections.unmodifiableList(values);
  }
}
