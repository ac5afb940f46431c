package uk.gov.tfwh.etl.migrate;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import uk.gov.tfwh.warehouse.snapshot.SnapshotManifest;
import uk.gov.tfwh.warehouse.table.TableFiles;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/**
 * One committed snapshot of the folder store, as {@code ./tfwh migrate} reads it: its manifest, its
 * folder, and which files its tables are made of. The folder store hard-links what a load did not
 * rewrite, so two snapshots whose table (or {@code fact_claim} quarter) is the same set of files
 * (inodes) hold the same rows there.
 *
 * @param manifest the snapshot's manifest
 * @param directory the snapshot's folder ({@code snapshots/<id>})
 */
record LegacySnapshot(SnapshotManifest manifest, Path directory) {
  private static final String QUARTER_FOLDER = "period_end=";

  LegacySnapshot {
    requireNonNull(manifest, "manifest");
    requireNonNull(directory, "directory");
  }

  String id() {
    return manifest.id();
  }

  Path tableDir(WarehouseTable table) {
    return directory.resolve(table.relativePath());
  }

  List<Path> dataFiles(WarehouseTable table) {
    return TableFiles.dataFiles(tableDir(table));
  }

  /** The identities (device and inode) of a table's data files. */
  Set<Object> fileKeys(WarehouseTable table) {
    return fileKeys(dataFiles(table));
  }

  /** Each quarter folder of {@code fact_claim} with data files, and their identities. */
  Map<LocalDate, Set<Object>> claimQuarters() {
    Path tableDir = tableDir(WarehouseTable.FACT_CLAIM);
    Map<LocalDate, List<Path>> byQuarter = new TreeMap<>();
    for (Path file : TableFiles.dataFiles(tableDir)) {
      String folder = tableDir.relativize(file).getName(0).toString();
      if (!folder.startsWith(QUARTER_FOLDER)) {
        throw new IllegalStateException(file + " is not in a " + QUARTER_FOLDER + " folder");
      }
      LocalDate quarter = LocalDate.parse(folder.substring(QUARTER_FOLDER.length()));
      byQuarter.computeIfAbsent(quarter, q -> new java.util.ArrayList<>()).add(file);
    }
    Map<LocalDate, Set<Object>> keys = new TreeMap<>();
    byQuarter.forEach((quarter, files) -> keys.put(quarter, fileKeys(files)));
    return keys;
  }

  private static Set<Object> fileKeys(List<Path> files) {
    Set<Object> keys = new HashSet<>();
    for (Path file : files) {
      try {
        Object key = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        // Without file keys (not a Unix file system) nothing is known to be shared: rewrite.
        keys.add(key != null ? key : new Object());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the attributes of " + file, e);
      }
    }
    return keys;
  }
}
