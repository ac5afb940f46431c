package uk.gov.tfwh.warehouse.iceberg.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.OverwriteFiles;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.PositionOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogDatabase;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings;
import uk.gov.tfwh.warehouse.iceberg.catalog.WarehouseCatalog;
import uk.gov.tfwh.warehouse.iceberg.files.ReleaseFiles.PlannedFile;
import uk.gov.tfwh.warehouse.iceberg.release.Release;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseCatalog;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseCommit;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseRecord;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseTable;
import uk.gov.tfwh.warehouse.iceberg.testing.S3ProxyServer;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/**
 * Releases of a warehouse on object storage (a real S3 API, s3proxy), committed with {@link
 * ReleaseCommit} and planned into the local file cache: their files copied once, shared files not
 * again, and eviction never touching an open release's files. The data files are bytes, not
 * Parquet: the cache copies files and never reads them (this module writes no Parquet, which would
 * need Hadoop; warehouse/query's S3 test reads real ones).
 */
class ReleaseFileCacheTest {
  private static final AtomicInteger FILES = new AtomicInteger();
  private static final Instant LOADED = Instant.parse("2026-12-05T21:00:00Z");

  @TempDir static Path dir;
  private static S3ProxyServer s3;
  private static WarehouseCatalog catalog;
  private static ReleaseCatalog releases;
  private static ReleaseCommit commits;

  /** Release 1: two authority files and one finding file. */
  private static Release one;

  /** Release 2: release 1's files and one more authority file. */
  private static Release two;

  private static final Map<String, byte[]> WRITTEN = new HashMap<>();

  @BeforeAll
  static void commitTwoReleasesOnS3() {
    s3 = S3ProxyServer.shared();
    CatalogSettings settings =
        CatalogSettings.of(s3.settings("s3://cache-test/warehouse"), dir.resolve("warehouse"));
    catalog = WarehouseCatalog.open(settings, s3.environment());
    CatalogDatabase database = CatalogDatabase.of(settings);
    releases = new ReleaseCatalog(database);
    releases.migrate();
    commits = new ReleaseCommit(database);

    Table authorities = catalog.table(WarehouseTable.DIM_AUTHORITY);
    Table findings = catalog.table(WarehouseTable.FACT_FINDING);
    List<DataFile> firstAuthorities = List.of(put(authorities, 3000), put(authorities, 2000));
    Map<WarehouseTable, List<DataFile>> first = new EnumMap<>(WarehouseTable.class);
    for (WarehouseTable table : WarehouseTable.values()) {
      first.put(table, List.of());
    }
    first.put(WarehouseTable.DIM_AUTHORITY, firstAuthorities);
    first.put(WarehouseTable.FACT_FINDING, List.of(put(findings, 1000)));
    one = commit(1, Optional.empty(), first, List.of());

    List<DataFile> secondAuthorities = new ArrayList<>(firstAuthorities);
    secondAuthorities.add(put(authorities, 4000));
    two =
        commit(
            2,
            Optional.of(one),
            Map.of(WarehouseTable.DIM_AUTHORITY, secondAuthorities),
            one.tables());
  }

  @AfterAll
  static void close() {
    catalog.close();
  }

  @Test
  void aReleaseIsPlannedIntoTheCatalogsCacheAsLocalCopiesOfItsFiles() throws IOException {
    Path cacheDir = catalog.settings().cache().dir();

    try (ReleaseFiles planned = ReleaseFiles.plan(catalog, one)) {
      List<PlannedFile> files = files(planned);

      assertThat(files).hasSize(3);
      for (PlannedFile file : files) {
        assertThat(file.location()).startsWith("s3://cache-test/warehouse/warehouse/");
        assertThat(file.path())
            .hasParent(cacheDir)
            .hasFileName(ReleaseFileCache.fileName(file.location()))
            .hasBinaryContent(WRITTEN.get(file.location()));
        assertThat(file.sizeBytes()).isEqualTo(Files.size(file.path()));
      }
      assertThat(planned.table(WarehouseTable.DIM_AUTHORITY).bytes()).isEqualTo(5000);
      assertThat(planned.table(WarehouseTable.FACT_CLAIM).files()).isEmpty();
      try (var inCache = Files.list(cacheDir)) {
        assertThat(inCache).as("no partial copies left").hasSize(3);
      }
    }
  }

  @Test
  void aSecondReleaseSharingFilesCopiesOnlyItsNewFilesAndARepeatCopiesNone(@TempDir Path folder) {
    ReleaseFileCache cache = new ReleaseFileCache(folder, 1 << 20);

    try (ReleaseFiles first = ReleaseFiles.plan(catalog, one, Optional.of(cache))) {
      assertThat(cache.copies()).isEqualTo(3);
      try (ReleaseFiles second = ReleaseFiles.plan(catalog, two, Optional.of(cache))) {
        assertThat(cache.copies()).isEqualTo(4);
        assertThat(files(second)).hasSize(4);
        assertThat(paths(second)).containsAll(paths(first));
      }
    }
    try (ReleaseFiles again = ReleaseFiles.plan(catalog, two, Optional.of(cache))) {
      assertThat(cache.copies()).isEqualTo(4);
      assertThat(cache.files()).hasSize(4);
      assertThat(cache.sizeBytes()).isEqualTo(10_000);
    }
  }

  @Test
  void evictionNeverRemovesTheFilesOfAnOpenRelease(@TempDir Path folder) {
    // Over its limit whatever it holds: every file no release holds goes at once.
    ReleaseFileCache cache = new ReleaseFileCache(folder, 1);

    try (ReleaseFiles first = ReleaseFiles.plan(catalog, one, Optional.of(cache))) {
      Path onlyInTwo;
      try (ReleaseFiles second = ReleaseFiles.plan(catalog, two, Optional.of(cache))) {
        List<Path> shared = paths(first);
        onlyInTwo =
            paths(second).stream().filter(path -> !shared.contains(path)).findFirst().orElseThrow();
        assertThat(cache.files()).hasSize(4);
      }

      assertThat(onlyInTwo).doesNotExist();
      assertThat(cache.files()).containsExactlyInAnyOrderElementsOf(paths(first));
      assertThat(cache.evict()).isZero();
      assertThat(paths(first)).allSatisfy(path -> assertThat(path).isRegularFile());
    }
    assertThat(cache.files()).isEmpty();
    assertThat(cache.copies()).isEqualTo(4);
  }

  @Test
  void filesAreEvictedLeastRecentlyUsedFirstAndOnlyWhileTheCacheIsOverItsLimit(@TempDir Path folder)
      throws IOException {
    ReleaseFileCache cache = new ReleaseFileCache(folder, 7000);
    Map<Long, Path> bySize = new HashMap<>();
    try (ReleaseFiles second = ReleaseFiles.plan(catalog, two, Optional.of(cache))) {
      assertThat(cache.sizeBytes()).isEqualTo(10_000);
      // last used: the 4,000-byte file longest ago, then 3,000, 2,000, and 1,000 most recently
      for (PlannedFile file : files(second)) {
        bySize.put(file.sizeBytes(), file.path());
        Files.setLastModifiedTime(
            file.path(), FileTime.from(LOADED.minusSeconds(file.sizeBytes())));
      }
    }

    // closing evicted what the limit asks for, least recently used first: 10,000 - 4,000 bytes
    assertThat(bySize.get(4000L)).doesNotExist();
    assertThat(cache.files())
        .containsExactlyInAnyOrder(bySize.get(3000L), bySize.get(2000L), bySize.get(1000L));
    assertThat(cache.evict()).isZero();
    assertThat(cache.sizeBytes()).isEqualTo(6000);
  }

  private static List<PlannedFile> files(ReleaseFiles planned) {
    return planned.tables().values().stream().flatMap(table -> table.files().stream()).toList();
  }

  private static List<Path> paths(ReleaseFiles planned) {
    return files(planned).stream().map(PlannedFile::path).toList();
  }

  /** Writes a data file of this many random bytes to the table's data folder on S3. */
  private static DataFile put(Table table, int size) {
    String location = table.location() + "/data/file-" + FILES.incrementAndGet() + ".parquet";
    byte[] bytes = new byte[size];
    new Random(location.hashCode()).nextBytes(bytes);
    try (PositionOutputStream out = table.io().newOutputFile(location).create()) {
      out.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    WRITTEN.put(location, bytes);
    return DataFiles.builder(table.spec())
        .withPath(location)
        .withFormat(FileFormat.PARQUET)
        .withFileSizeInBytes(size)
        .withRecordCount(1)
        .build();
  }

  /**
   * Commits release {@code seq}: the tables given replaced by these files, the others read at the
   * snapshots {@code unchanged} names.
   */
  private static Release commit(
      long seq,
      Optional<Release> parent,
      Map<WarehouseTable, List<DataFile>> changed,
      List<ReleaseTable> unchanged) {
    List<ReleaseTable> tables = new ArrayList<>();
    for (ReleaseTable table : unchanged) {
      boolean replaced =
          changed.keySet().stream().anyMatch(t -> t.tableName().equals(table.name()));
      if (!replaced) {
        tables.add(table);
      }
    }
    for (Map.Entry<WarehouseTable, List<DataFile>> entry : changed.entrySet()) {
      Table table = catalog.table(entry.getKey());
      OverwriteFiles overwrite =
          table.newOverwrite().overwriteByRowFilter(Expressions.alwaysTrue());
      entry.getValue().forEach(overwrite::addFile);
      overwrite.commit();
      Snapshot snapshot = table.currentSnapshot();
      tables.add(
          new ReleaseTable(
              "warehouse",
              entry.getKey().tableName(),
              snapshot.snapshotId(),
              snapshot.schemaId(),
              entry.getValue().size(),
              entry.getValue().size()));
    }
    ReleaseRecord record =
        new ReleaseRecord(
            seq,
            "20261205T21000" + seq + "000Z-cache000" + seq,
            parent.map(Release::id),
            LOADED.plusSeconds(seq),
            "reference-1",
            "digest" + seq,
            "{}",
            "{}",
            "ReleaseFileCacheTest");
    Release release = new Release(record, tables);
    commits.commit(release);
    return release;
  }
}
