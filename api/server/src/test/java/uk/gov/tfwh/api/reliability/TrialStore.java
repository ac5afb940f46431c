package uk.gov.tfwh.api.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import uk.gov.tfwh.warehouse.release.WarehouseReleases;

/**
 * The store a crash trial kills loads on: the folder store, the Iceberg store in its embedded
 * catalog, or the Iceberg store with its tables on object storage (s3), named explicitly ({@code
 * TFWH_STORE} and {@code --catalog} for the loads, {@code tfwh.store.*} for the API), so a trial
 * does not depend on which store is the default. Each says how to recognise the moments a trial
 * kills at and what "complete" and "clean" mean for it.
 */
interface TrialStore extends AutoCloseable {

  /** folder, iceberg or s3, as {@code -Dtfwh.crash.store} spells it. */
  String name();

  /**
   * {@code ./tfwh load} into this store: by default {@code TFWH_STORE} set to its name and no
   * catalog file.
   */
  default TfwhLoad load(Path projectRoot, Path landing, Path warehouse) {
    return new TfwhLoad(projectRoot, landing, warehouse, name());
  }

  /** The store's releases as the API reads them: committed ids, the current one. */
  WarehouseReleases releases();

  /** The API's arguments that choose this store. */
  List<String> apiArguments();

  /** Reads what it needs from a finished load's output (how long its commit took). */
  default void learn(Path log) {}

  /**
   * Waits, within the deadline, until the load is writing its tables (or has exited); {@code log}
   * is the load's output.
   */
  void awaitWriting(Process load, Path log, Random random, long deadlineNanos)
      throws InterruptedException;

  /** Waits until the load is inside its commit (the switch), as close to its middle as it can. */
  void awaitSwitch(Process load, Path log, Random random, long deadlineNanos)
      throws InterruptedException;

  /**
   * Fails unless the release is committed and every table it names is whole: its rows, counted from
   * the Parquet files by DuckDB, are the rows recorded for it.
   */
  void assertComplete(String id);

  /**
   * Fails unless a successful load has left nothing of a killed one behind: no staging folder; on
   * Iceberg, {@code main} and every release's {@code r_} tag agree with the release rows ({@code
   * Repair}'s work, which every load does first) and no {@code load_} branch is left; after a load
   * that committed (so ran retention) also no {@code r_} tag of a deleted release and no other
   * release's state folder. After a "nothing new" load those are noted ({@link #notes()}).
   *
   * @param committed whether the load committed a release
   */
  void assertClean(boolean committed);

  /**
   * Before a load that will be killed: leaves what a writer killed between writing a data file and
   * committing it leaves, where the store's next committing load must remove it ({@link
   * #assertClean}). Nothing by default.
   */
  default void leaveUncommittedFile(int trial) {}

  /** What the trial noticed that is worth reporting but not a failure; blank when nothing. */
  default String notes() {
    return "";
  }

  /** The load report of a committed release. */
  JsonNode report(String id);

  @Override
  void close();

  /**
   * The store {@code -Dtfwh.crash.store} names: iceberg (the default), folder, or s3 (the Iceberg
   * store with its tables on s3proxy, which this starts).
   */
  static TrialStore named(String name, Path warehouse) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "folder" -> new FolderTrialStore(warehouse);
      case "iceberg" -> new IcebergTrialStore(warehouse);
      case "s3" -> IcebergTrialStore.onObjectStorage(warehouse);
      default ->
          throw new IllegalArgumentException(
              "tfwh.crash.store must be folder, iceberg or s3, not '" + name + "'");
    };
  }
}
