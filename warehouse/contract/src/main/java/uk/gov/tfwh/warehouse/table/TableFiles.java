package uk.gov.tfwh.warehouse.table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** What counts as a table's data in a snapshot folder, for every reader and writer alike. */
public final class TableFiles {
  private TableFiles() {}

  /**
   * The Parquet data files under a table folder, in name order (partition folders included).
   * Spark's hidden ({@code .}) and marker ({@code _}) files are not data; a partitioned table
   * without rows, or a missing folder, has none.
   */
  public static List<Path> dataFiles(Path tableDir) {
    if (!Files.isDirectory(tableDir)) {
      return List.of();
    }
    try (Stream<Path> paths = Files.walk(tableDir)) {
      return paths
          .filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(".parquet"))
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .filter(p -> !p.getFileName().toString().startsWith("_"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + tableDir, e);
    }
  }
}
