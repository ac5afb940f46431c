package uk.gov.tfwh.api.web.page;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A table as a page shows it, for people: the page's headings and, under them, the values
 * themselves (not the page's formatting, so a spreadsheet can sum and sort them). Written by {@link
 * SpreadsheetCsv}; the API's tables, named for programs, are the other kind.
 */
public record PageTable(List<String> headings, List<List<Object>> rows) {
  public PageTable {
    headings = List.copyOf(headings);
    if (headings.stream().distinct().count() != headings.size()) {
      throw new IllegalArgumentException("Headings repeat: " + headings);
    }
    List<List<Object>> copied = new ArrayList<>();
    for (List<Object> row : requireNonNull(rows, "rows")) {
      if (row.size() != headings.size()) {
        throw new IllegalArgumentException(
            "A row of " + row.size() + " values under " + headings.size() + " headings");
      }
      // Values may be null (a blank cell), so not List.copyOf.
      copied.add(Collections.unmodifiableList(new ArrayList<>(row)));
    }
    rows = Collections.unmodifiableList(copied);
  }

  /** Starts a table under these headings. */
  public static Builder under(String... headings) {
    return new Builder(List.of(headings));
  }

  /** Starts a table under these headings. */
  public static Builder under(List<String> headings) {
    return new Builder(headings);
  }

  /** Collects rows in order. */
  public static final class Builder {
    private final List<String> headings;
    private final List<List<Object>> rows = new ArrayList<>();

    private Builder(List<String> headings) {
      this.headings = List.copyOf(headings);
    }

    /** One row, its values in the order of the headings (null for a blank cell). */
    public Builder row(Object... values) {
      rows.add(java.util.Arrays.asList(values));
      return this;
    }

    public PageTable build() {
      return new PageTable(headings, rows);
    }
  }
}
