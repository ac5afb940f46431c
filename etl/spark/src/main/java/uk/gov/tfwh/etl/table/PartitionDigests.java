package uk.gov.tfwh.etl.table;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import uk.gov.tfwh.etl.read.ReturnIds;
import uk.gov.tfwh.warehouse.iceberg.schema.IcebergSchemas;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/**
 * A digest of each partition's rows of a table built on the driver (docs/design/iceberg.md, section
 * 5.4), so a load rewrites only the partitions whose rows changed: a new quarter writes itself and
 * the quarters whose derived values (changes since the previous quarter, cumulative payments)
 * moved, and a dimension table whose rows are the previous release's is not written at all. The
 * digests are kept in the load state, one file per table ({@code state/partitions/<table>}).
 *
 * <p>A partition is a quarter ({@code 2014-03-31}) for a table partitioned by quarter, and {@link
 * #WHOLE_TABLE} for the others.
 */
public final class PartitionDigests {
  public static final String WHOLE_TABLE = "all";

  /**
   * The key under which a table's digests also keep how its rows were made (a digest of a format
   * such as {@link ReturnRows#FORMAT}): a later load keeps a quarter without building its rows only
   * when it would make them the same way.
   */
  public static final String ROWS_FORMAT = "rows-format";

  private static final String DIR = "partitions";

  private PartitionDigests() {}

  /** The rows by partition, in partition order. */
  public static Map<String, List<Row>> split(WarehouseTable table, List<Row> rows) {
    Map<String, List<Row>> partitions = new TreeMap<>();
    int quarter = quarterColumn(table);
    for (Row row : rows) {
      String key = quarter < 0 ? WHOLE_TABLE : String.valueOf(row.get(quarter));
      partitions.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
    }
    if (quarter < 0) {
      partitions.putIfAbsent(WHOLE_TABLE, List.of()); // an empty table is one (empty) partition
    }
    return partitions;
  }

  /** A quarter's partition key ({@code 2014-03-31}), as {@link #split} keys its rows. */
  public static String quarterKey(LocalDate periodEnd) {
    return periodEnd.toString();
  }

  /** Whether the table is partitioned by quarter in the Iceberg warehouse. */
  public static boolean byQuarter(WarehouseTable table) {
    return quarterColumn(table) >= 0;
  }

  /**
   * Each partition's digest: of the table's columns and its rows' values as text, in sorted order,
   * so equal rows give an equal digest whatever order they were built in.
   */
  public static Map<String, String> of(WarehouseTable table, Map<String, List<Row>> partitions) {
    Map<String, String> digests = new TreeMap<>();
    partitions.forEach(
        (key, rows) -> {
          List<String> lines = new ArrayList<>(rows.size());
          for (Row row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
              line.append(row.isNullAt(i) ? "\u0000" : row.get(i).toString()).append('\u001f');
            }
            lines.add(line.toString());
          }
          lines.sort(null);
          StringBuilder text = new StringBuilder(table.tableName()).append(' ');
          text.append(table.columns()).append('\n');
          lines.forEach(line -> text.append(line).append('\n'));
          digests.put(key, ReturnIds.sha256(text.toString()));
        });
    return digests;
  }

  /** The digest of a rows' format as {@link #ROWS_FORMAT} keeps it. */
  public static String formatDigest(String rowsFormat) {
    return ReturnIds.sha256(rowsFormat);
  }

  /**
   * The digests a load kept for a table in a state folder; empty when there are none or they cannot
   * be read (then every partition is written again: they save work, never decide figures).
   */
  public static Map<String, String> read(Path stateDir, WarehouseTable table) {
    Path file = file(stateDir, table);
    Map<String, String> digests = new TreeMap<>();
    if (!Files.isRegularFile(file)) {
      return digests;
    }
    Properties properties = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(in);
    } catch (IOException | IllegalArgumentException e) {
      return digests;
    }
    properties.stringPropertyNames().forEach(key -> digests.put(key, properties.getProperty(key)));
    return digests;
  }

  /** Keeps a table's digests in a (new release's) state folder. */
  public static void write(Path stateDir, WarehouseTable table, Map<String, String> digests) {
    Properties properties = new Properties();
    properties.putAll(digests);
    Path file = file(stateDir, table);
    try {
      Files.createDirectories(file.getParent());
      try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        properties.store(out, table.tableName() + ": the digest of each partition's rows");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static Path file(Path stateDir, WarehouseTable table) {
    return stateDir.resolve(DIR).resolve(table.tableName() + ".properties");
  }

  private static int quarterColumn(WarehouseTable table) {
    if (IcebergSchemas.partitionColumns(table).isEmpty()) {
      return -1;
    }
    for (int i = 0; i < table.columns().size(); i++) {
      if (table.columns().get(i).name().equals(IcebergSchemas.QUARTER_COLUMN)) {
        return i;
      }
    }
    throw new IllegalStateException(table.tableName() + " has no " + IcebergSchemas.QUARTER_COLUMN);
  }
}
