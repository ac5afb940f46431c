package uk.gov.tfwh.warehouse.query.trino;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Pins a catalogue query to one release on Trino: one common table expression per warehouse table
 * the query reads, named like the table, so the query's unqualified names read the release's
 * snapshot of each table and nothing else:
 *
 * <pre>{@code
 * WITH fact_claim AS (SELECT * FROM tfwh.warehouse.fact_claim FOR VERSION AS OF 7309590187431566080),
 *   dim_period AS (SELECT * FROM tfwh.warehouse.dim_period FOR VERSION AS OF 1200448850133524110)
 * SELECT ... FROM fact_claim JOIN dim_period ...
 * }</pre>
 *
 * A query that starts with its own {@code WITH} gets its expressions after these. The snapshot ids
 * are longs from the release tables and the names are checked identifiers, so nothing a user typed
 * is ever inlined; the query's parameters stay bound values.
 *
 * @param catalog Trino's catalog of the warehouse
 * @param namespace the warehouse tables' schema in that catalog
 * @param snapshots the release's snapshot id of each table, by table name
 */
public record PinnedSql(String catalog, String namespace, Map<String, Long> snapshots) {
  private static final String IDENTIFIER = "[a-z][a-z0-9_]*";

  public PinnedSql {
    requireNonNull(catalog, "catalog");
    requireNonNull(namespace, "namespace");
    snapshots = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(snapshots));
    requireIdentifier(catalog);
    requireIdentifier(namespace);
    snapshots.keySet().forEach(PinnedSql::requireIdentifier);
  }

  /** The query, reading each release table it names at the release's snapshot. */
  public String pin(String sql) {
    Scan scan = Scan.of(sql, snapshots.keySet());
    StringBuilder ctes = new StringBuilder();
    for (String table : snapshots.keySet()) {
      if (scan.tables().contains(table)) {
        ctes.append(ctes.isEmpty() ? "WITH " : ",\n  ")
            .append(table)
            .append(" AS (SELECT * FROM ")
            .append(catalog)
            .append('.')
            .append(namespace)
            .append('.')
            .append(table)
            .append(" FOR VERSION AS OF ")
            .append(snapshots.get(table))
            .append(')');
      }
    }
    if (ctes.isEmpty()) {
      return sql;
    }
    if (scan.withEnd() < 0) {
      return ctes + "\n" + sql;
    }
    // The query's own WITH: its expressions follow ours in the one WITH clause.
    return sql.substring(0, scan.withStart()) + ctes + ",\n" + sql.substring(scan.withEnd());
  }

  /** The release tables the query reads (names outside literals and comments, not qualified). */
  public Set<String> tablesRead(String sql) {
    return Scan.of(sql, snapshots.keySet()).tables();
  }

  private static void requireIdentifier(String name) {
    if (!name.matches(IDENTIFIER)) {
      throw new IllegalArgumentException("not a plain lower-case identifier: " + name);
    }
  }

  /**
   * What pinning needs from a query's text: the release tables it names, and where a leading {@code
   * WITH} keyword is ({@code -1} when there is none).
   */
  private record Scan(Set<String> tables, int withStart, int withEnd) {
    static Scan of(String sql, Set<String> tableNames) {
      Set<String> tables = new LinkedHashSet<>();
      int withStart = -1;
      int withEnd = -1;
      boolean first = true;
      char previous = ' ';
      int i = 0;
      while (i < sql.length()) {
        char c = sql.charAt(i);
        if (c == '-' && sql.startsWith("--", i)) {
          int end = sql.indexOf('\n', i);
          i = end < 0 ? sql.length() : end;
        } else if (c == '/' && sql.startsWith("/*", i)) {
          int end = sql.indexOf("*/", i + 2);
          if (end < 0) {
            throw new IllegalArgumentException("unterminated comment in SQL at offset " + i);
          }
          i = end + 2;
        } else if (c == '\'' || c == '"') {
          int end = closingQuote(sql, i);
          if (c == '"') {
            // A quoted identifier is a name too (its case kept, as SQL keeps it).
            String name = sql.substring(i + 1, end).replace("\"\"", "\"");
            if (previous != '.' && tableNames.contains(name)) {
              tables.add(name);
            }
          }
          first = false;
          previous = c;
          i = end + 1;
        } else if (Character.isLetter(c) || c == '_') {
          int end = i + 1;
          while (end < sql.length()
              && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
            end++;
          }
          String word = sql.substring(i, end).toLowerCase(Locale.ROOT);
          if (first && word.equals("with")) {
            withStart = i;
            withEnd = end;
            if (nextWord(sql, end).equalsIgnoreCase("recursive")) {
              throw new IllegalArgumentException(
                  "WITH RECURSIVE cannot be pinned: its expressions cannot follow others");
            }
          } else if (previous != '.' && tableNames.contains(word)) {
            tables.add(word);
          }
          first = false;
          previous = 'a';
          i = end;
        } else {
          if (!Character.isWhitespace(c)) {
            first = false;
            previous = c;
          }
          i++;
        }
      }
      return new Scan(tables, withStart, withEnd);
    }

    private static int closingQuote(String sql, int open) {
      char quote = sql.charAt(open);
      int end = sql.indexOf(quote, open + 1);
      while (end >= 0 && end + 1 < sql.length() && sql.charAt(end + 1) == quote) {
        end = sql.indexOf(quote, end + 2);
      }
      if (end < 0) {
        throw new IllegalArgumentException("unterminated " + quote + " in SQL at offset " + open);
      }
      return end;
    }

    private static String nextWord(String sql, int from) {
      int start = from;
      while (start < sql.length() && Character.isWhitespace(sql.charAt(start))) {
        start++;
      }
      int end = start;
      while (end < sql.length() && Character.isLetter(sql.charAt(end))) {
        end++;
      }
      return sql.substring(start, end);
    }
  }
}
