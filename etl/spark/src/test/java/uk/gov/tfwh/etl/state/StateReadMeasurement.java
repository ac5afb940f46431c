package uk.gov.tfwh.etl.state;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.etl.LoadProcess;
import uk.gov.tfwh.etl.SharedSpark;
import uk.gov.tfwh.etl.TestLandings;
import uk.gov.tfwh.etl.load.LoadJob;
import uk.gov.tfwh.etl.load.LoadRequest;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogDatabase;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings;
import uk.gov.tfwh.warehouse.iceberg.catalog.WarehouseCatalog;
import uk.gov.tfwh.warehouse.iceberg.release.Release;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseCatalog;
import uk.gov.tfwh.warehouse.snapshot.SnapshotStore;

/**
 * Not a test: measures reading the previous load's state at scale 1 (seed 1), the folder store's
 * Java-serialised state against the Iceberg warehouse's {@code tfwh_state} tables, for
 * docs/design/iceberg.md section 5.9. Run by hand: {@code mvn -o test -pl etl/spark
 * -Dtest=StateReadMeasurement -Dtfwh.measure=true}; it prints its figures.
 */
@EnabledIfSystemProperty(named = "tfwh.measure", matches = "true")
class StateReadMeasurement {
  private static final int ROUNDS = 5;

  @TempDir Path temp;

  @Test
  void readTheStateOfAScaleOneLoadBothWays() throws Exception {
    Path landing = temp.resolve("landing");
    Process generate =
        LoadProcess.java(
                "uk.gov.tfwh.generator.GenerateCommand",
                List.of("-Dtfwh.root.dir=" + TestLandings.root()),
                List.of("--out", landing.toString(), "--seed", "1", "--scale", "1"),
                temp.resolve("generate.log"))
            .start();
    if (!generate.waitFor(10, TimeUnit.MINUTES) || generate.exitValue() != 0) {
      throw new AssertionError(Files.readString(temp.resolve("generate.log")));
    }
    Path folders = temp.resolve("folders");
    Path iceberg = temp.resolve("iceberg");
    LoadJob job = new LoadJob(SharedSpark.session(), line -> {});
    job.run(new LoadRequest(landing, folders, TestLandings.reference(), 10));
    CatalogSettings settings = CatalogSettings.embedded(iceberg);
    job.run(new LoadRequest(landing, iceberg, TestLandings.reference(), 10).into(settings));
    SnapshotStore store = new SnapshotStore(folders);
    Path snapshot = store.snapshotDir(store.currentId().orElseThrow());
    Release release = new ReleaseCatalog(CatalogDatabase.of(settings)).current().orElseThrow();

    List<String> lines = new ArrayList<>();
    try (WarehouseCatalog catalog = WarehouseCatalog.open(settings)) {
      for (int round = 1; round <= ROUNDS; round++) {
        long start = System.nanoTime();
        int folderReturns =
            new FolderPreviousState(snapshot).returns().orElseThrow().returns().size();
        int folderStamps = new FolderPreviousState(snapshot).checksums().size();
        long folderNanos = System.nanoTime() - start;
        start = System.nanoTime();
        int icebergReturns;
        int icebergStamps;
        IcebergPreviousState state = new IcebergPreviousState(catalog.catalog(), release);
        icebergReturns = state.returns().orElseThrow().returns().size();
        icebergStamps = state.checksums().size();
        long icebergNanos = System.nanoTime() - start;
        lines.add(
            String.format(
                "round %d: folder %d returns + %d stamps in %d ms; iceberg %d returns + %d stamps"
                    + " in %d ms (tables looked up each round, the catalog open)",
                round,
                folderReturns,
                folderStamps,
                TimeUnit.NANOSECONDS.toMillis(folderNanos),
                icebergReturns,
                icebergStamps,
                TimeUnit.NANOSECONDS.toMillis(icebergNanos)));
      }
    }
    lines.forEach(System.out::println);
    Files.write(Path.of(System.getProperty("java.io.tmpdir"), "tfwh-state-read.txt"), lines);
  }
}
