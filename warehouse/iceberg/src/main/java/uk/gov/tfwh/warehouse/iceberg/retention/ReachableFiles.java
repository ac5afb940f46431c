package uk.gov.tfwh.warehouse.iceberg.retention;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;
import org.apache.iceberg.ContentFile;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.ManifestFile;
import org.apache.iceberg.ManifestFiles;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.StatisticsFile;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.FileIO;
import uk.gov.tfwh.warehouse.iceberg.catalog.LocalFileIO;

/**
 * Every file a table's metadata reaches: the current and logged metadata files, and for every
 * snapshot its manifest list, manifests and their live data and delete files, plus statistics
 * files. What the orphan sweep must never delete; anything else under the table's location is
 * unreachable.
 */
final class ReachableFiles {
  private final Set<String> locations;

  private ReachableFiles(Set<String> locations) {
    this.locations = locations;
  }

  /** The files the table's current metadata reaches. */
  static ReachableFiles of(Table table) {
    if (!(table instanceof HasTableOperations operations)) {
      throw new IllegalArgumentException(
          "table "
              + table.name()
              + " does not expose its metadata file ("
              + table.getClass()
              + ")");
    }
    TableMetadata metadata = operations.operations().current();
    FileIO io = table.io();
    Set<String> reachable = new HashSet<>();
    reachable.add(key(metadata.metadataFileLocation()));
    metadata.previousFiles().forEach(entry -> reachable.add(key(entry.file())));
    metadata.statisticsFiles().stream()
        .map(StatisticsFile::path)
        .map(ReachableFiles::key)
        .forEach(reachable::add);
    metadata
        .partitionStatisticsFiles()
        .forEach(statistics -> reachable.add(key(statistics.path())));
    Set<String> manifestsRead = new HashSet<>();
    for (Snapshot snapshot : metadata.snapshots()) {
      if (snapshot.manifestListLocation() != null) {
        reachable.add(key(snapshot.manifestListLocation()));
      }
      for (ManifestFile manifest : snapshot.allManifests(io)) {
        reachable.add(key(manifest.path()));
        if (manifestsRead.add(manifest.path())) {
          addContent(table, manifest, reachable);
        }
      }
    }
    return new ReachableFiles(reachable);
  }

  private static void addContent(Table table, ManifestFile manifest, Set<String> reachable) {
    // Only the path of each live entry is read (readPaths projects the manifest to file_path): an
    // entry also carries every column's bounds and counts, and decoding them for every file of
    // every retained snapshot made the sweep grow with the history.
    try (CloseableIterable<String> paths =
        switch (manifest.content()) {
          case DATA -> ManifestFiles.readPaths(manifest, table.io());
          case DELETES ->
              CloseableIterable.transform(
                  ManifestFiles.readDeleteManifest(manifest, table.io(), table.specs()),
                  ContentFile::location);
        }) {
      for (String path : paths) {
        reachable.add(key(path));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read manifest " + manifest.path(), e);
    }
  }

  boolean contains(String location) {
    return locations.contains(key(location));
  }

  int size() {
    return locations.size();
  }

  /**
   * One spelling per file: {@code file:/p}, {@code file:///p} and {@code file://localhost/p} are
   * the same local file.
   */
  static String key(String location) {
    return location.startsWith("file:")
        ? "file:" + LocalFileIO.path(location).normalize()
        : location;
  }
}
