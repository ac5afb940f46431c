package uk.gov.tfwh.bench.state;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import uk.gov.tfwh.etl.state.FolderPreviousState;
import uk.gov.tfwh.etl.state.IcebergPreviousState;
import uk.gov.tfwh.etl.state.StateCaches;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogDatabase;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings;
import uk.gov.tfwh.warehouse.iceberg.catalog.WarehouseCatalog;
import uk.gov.tfwh.warehouse.iceberg.release.Release;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseCatalog;
import uk.gov.tfwh.warehouse.snapshot.SnapshotStore;

/**
 * {@code ./tfwh bench etl --state-read}: the time to read the previous load's state (its returns
 * and its landing stamps) as the next load does, from a folder-store warehouse (Java-serialised
 * {@code state/}) and from an Iceberg warehouse (the {@code tfwh_state} tables, then the driver's
 * decoded cache of them) loaded from the same landing folder; several rounds in one JVM, so the
 * first (cold) read shows apart from the warm ones (docs/design/iceberg.md, section 5.9.1). Prints
 * figures; asserts nothing but that both states hold something and the cache as many returns.
 */
@Command(
    name = "bench-state-read",
    mixinStandardHelpOptions = true,
    description = "Reading the previous load's state: folder store against Iceberg tables.")
public final class StateReadBenchmark implements Callable<Integer> {
  @Option(names = "--folder", required = true, paramLabel = "DIR", description = "Folder store.")
  Path folder;

  @Option(names = "--iceberg", required = true, paramLabel = "DIR", description = "Iceberg store.")
  Path iceberg;

  @Option(names = "--rounds", defaultValue = "5")
  int rounds;

  public static void main(String[] args) {
    System.exit(new CommandLine(new StateReadBenchmark()).execute(args));
  }

  @Override
  public Integer call() {
    SnapshotStore store = new SnapshotStore(folder);
    Path snapshot = store.snapshotDir(store.currentId().orElseThrow());
    CatalogSettings settings = CatalogSettings.embedded(iceberg);
    Release release = new ReleaseCatalog(CatalogDatabase.of(settings)).current().orElseThrow();
    try (WarehouseCatalog catalog = WarehouseCatalog.open(settings)) {
      for (int round = 1; round <= rounds; round++) {
        long start = System.nanoTime();
        FolderPreviousState folderState = new FolderPreviousState(snapshot);
        int folderReturns = folderState.returns().orElseThrow().returns().size();
        int folderStamps = folderState.checksums().size();
        long folderNanos = System.nanoTime() - start;
        start = System.nanoTime();
        IcebergPreviousState icebergState =
            new IcebergPreviousState(catalog.catalog(), release.outline());
        int icebergReturns = icebergState.returns().orElseThrow().returns().size();
        int icebergStamps = icebergState.checksums().size();
        long icebergNanos = System.nanoTime() - start;
        start = System.nanoTime();
        IcebergPreviousState cachedState =
            new IcebergPreviousState(catalog.catalog(), release.outline(), StateCaches.in(iceberg));
        int cachedReturns = cachedState.returns().orElseThrow().returns().size();
        int cachedStamps = cachedState.checksums().size();
        long cachedNanos = System.nanoTime() - start;
        if (folderReturns == 0
            || icebergReturns == 0
            || cachedReturns != icebergReturns
            || cachedStamps != icebergStamps) {
          throw new IllegalStateException("a state with no returns: nothing was measured");
        }
        System.out.printf(
            "round %d: folder %d returns + %d stamps in %d ms; iceberg %d returns + %d stamps"
                + " in %d ms (tables looked up each round, the catalog open); %d returns + %d"
                + " stamps from the driver's caches in %d ms%n",
            round,
            folderReturns,
            folderStamps,
            TimeUnit.NANOSECONDS.toMillis(folderNanos),
            icebergReturns,
            icebergStamps,
            TimeUnit.NANOSECONDS.toMillis(icebergNanos),
            cachedReturns,
            cachedStamps,
            TimeUnit.NANOSECONDS.toMillis(cachedNanos));
      }
    }
    return 0;
  }
}
