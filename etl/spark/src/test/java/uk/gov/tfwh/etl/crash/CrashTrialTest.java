package uk.gov.tfwh.etl.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.etl.LoadProcess;
import uk.gov.tfwh.etl.SharedSpark;
import uk.gov.tfwh.etl.Snapshots;
import uk.gov.tfwh.etl.TestLandings;
import uk.gov.tfwh.etl.load.LoadJob;
import uk.gov.tfwh.etl.load.LoadRequest;
import uk.gov.tfwh.etl.report.LoadReport;
import uk.gov.tfwh.etl.report.Totals;
import uk.gov.tfwh.programme.reference.ReferenceDataLoader;
import uk.gov.tfwh.returns.model.ReturnSource;
import uk.gov.tfwh.returns.read.LandingFolder;
import uk.gov.tfwh.returns.read.ReadLimits;
import uk.gov.tfwh.returns.read.ReturnReader;
import uk.gov.tfwh.warehouse.query.QueryEngineConfig;
import uk.gov.tfwh.warehouse.query.QueryEngines;
import uk.gov.tfwh.warehouse.query.QueryResult;
import uk.gov.tfwh.warehouse.query.WarehouseQueries;
import uk.gov.tfwh.warehouse.snapshot.SnapshotStore;

/**
 * The crash trial: the real load ({@code tfwh load} in a child JVM) is killed with SIGKILL again
 * and again, at a random time, while it writes, or during the snapshot switch ({@link KillMoment}),
 * each time with a new return in the landing folder so the load has a snapshot to write. After
 * every kill the current snapshot is complete and readable (its manifest's row counts equal its
 * Parquet), and the next load succeeds and accounts for every return and claim row in the landing
 * folder (read = accepted + rejected, and read = what the plain-Java reader finds there).
 * Throughout, a {@link SnapshotReader} queries the warehouse through the embedded query layer, as
 * the API does, and must see no error and the same answer from every snapshot.
 *
 * <p>The first trial kills during the switch and measures how long a load takes to get there; the
 * random kills fall between a tenth and 1.1 times that. Kills that land (a load that finishes first
 * is not counted): {@code -Dtfwh.crash.kills} (5 in the build; {@code ./tfwh bench reliability}
 * runs 30 or more). Random moments come from {@code -Dtfwh.crash.seed}, printed so a failure can be
 * replayed.
 */
@Tag("slow")
class CrashTrialTest {
  @TempDir Path temp;

  @Test
  void killedLoadsNeverLoseOrTearASnapshot() throws Exception {
    int kills = Integer.getInteger("tfwh.crash.kills", 5);
    long seed = Long.getLong("tfwh.crash.seed", System.nanoTime());
    Random random = new Random(seed);
    Path landing = TestLandings.copyExamples(temp.resolve("landing"), "valid-", "bad-claims");
    SnapshotStore store = new SnapshotStore(temp.resolve("warehouse"));
    LoadJob job = new LoadJob(SharedSpark.session(), line -> {});
    LoadRequest request = new LoadRequest(landing, store.root(), TestLandings.reference(), 10);

    job.run(request);
    assertAccountsForEveryInput(store, landing);

    TrialFigures figures = new TrialFigures(seed);
    long untilSwitchMillis = 0;
    try (WarehouseQueries queries = QueryEngines.open(store, QueryEngineConfig.defaults())) {
      SnapshotReader reader = new SnapshotReader(queries);
      QueryResult baseline = reader.ask();
      assertThat(baseline.rows()).isNotEmpty();
      Thread readerThread = new Thread(reader, "snapshot-reader");
      readerThread.start();
      try {
        // Trials go on until that many kills have landed: a random-time kill can come after the
        // load has finished, which proves nothing. Twice as many trials at most.
        for (int trial = 1; figures.kills() < kills && trial <= 2 * kills; trial++) {
          String before = store.currentId().orElseThrow();
          addReturn(landing, trial);
          KillMoment moment = KillMoment.forTrial(trial);
          Path log = temp.resolve("load-" + trial + ".log");
          long started = System.nanoTime();
          Process load = LoadProcess.startLoad(landing, store.root(), log);
          boolean signalled = killAt(moment, load, store, random, untilSwitchMillis);
          assertThat(load.waitFor(600, TimeUnit.SECONDS)).isTrue();
          // A load in its last moments may exit 0 before the signal lands: then it finished first.
          assertThat(load.exitValue()).as(Files.readString(log)).isIn(0, 137);
          assertThat(signalled || load.exitValue() == 0).isTrue();
          boolean killed = load.exitValue() == 137;
          if (moment == KillMoment.DURING_SWITCH && killed) {
            untilSwitchMillis =
                Math.max(untilSwitchMillis, (System.nanoTime() - started) / 1_000_000);
          }
          figures.record(moment, killed);

          // The current snapshot is the one before or the killed load's own, and complete.
          String current = store.currentId().orElseThrow();
          assertThat(store.isCommitted(current)).isTrue();
          Snapshots.assertManifestMatchesParquet(store, current);
          if (!current.equals(before)) {
            figures.committedBeforeKill();
          }
          assertThat(reader.errors()).as("reader errors after trial %d", trial).isEmpty();

          // The next load succeeds and accounts for every input.
          job.run(request);
          assertAccountsForEveryInput(store, landing);
          Snapshots.assertManifestMatchesParquet(store, store.currentId().orElseThrow());
          assertThat(stagingLeft(store)).as("staging folders after a successful load").isZero();
          // One line per trial, so a long trial's progress can be followed and reported.
          System.out.printf(
              "CRASH-TRIAL trial %d: %s %s; snapshot complete; next load accounted for every"
                  + " input; reader queries so far %d, errors %d%n",
              trial,
              killed ? "killed" : "finished before the kill",
              moment,
              reader.served(),
              reader.errors().size());
        }
      } finally {
        reader.stop();
        readerThread.join(10_000);
      }
      assertThat(reader.errors()).isEmpty();
      assertThat(reader.served()).isPositive();
      assertThat(reader.answers().values())
          .allSatisfy(rows -> assertThat(rows).isEqualTo(baseline.rows()));
      figures.readerServed(reader.served(), reader.answers().size(), reader.errors().size());
    }
    figures.untilSwitch(untilSwitchMillis);
    System.out.println(figures.summary());
    assertThat(figures.kills()).as("kills that landed").isGreaterThanOrEqualTo(kills);
  }

  /**
   * A new rejected return for this trial (a copy of an example under a new name), so every load has
   * a new snapshot to write and the landing folder grows by one return each time.
   */
  private static void addReturn(Path landing, int trial) throws IOException {
    Files.copy(
        TestLandings.examples().resolve("bad-unknown-authority.summary.csv"),
        landing.resolve(String.format("trial-%03d.summary.csv", trial)));
  }

  /** Kills the load at the moment; false when it finished first. */
  private static boolean killAt(
      KillMoment moment, Process load, SnapshotStore store, Random random, long untilSwitchMillis)
      throws InterruptedException, IOException {
    // Generous: on a busy machine a load's JVM and Spark start-up alone took a minute.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(600);
    switch (moment) {
      case RANDOM_TIME -> {
        // From start-up to just past the switch, as measured by the first trial.
        long delay = (long) (untilSwitchMillis * (0.1 + random.nextDouble()));
        load.waitFor(delay, TimeUnit.MILLISECONDS);
      }
      case WHILE_WRITING -> {
        while (load.isAlive() && !staged(store, "tables") && System.nanoTime() < deadline) {
          Thread.sleep(10);
        }
        Thread.sleep(random.nextInt(300));
      }
      case DURING_SWITCH -> {
        // The manifest is the last thing written before the folder is synced, moved and pointed to.
        while (load.isAlive() && !staged(store, "manifest.json") && System.nanoTime() < deadline) {
          Thread.onSpinWait();
        }
      }
    }
    if (!load.isAlive()) {
      return false;
    }
    load.destroyForcibly(); // SIGKILL on Linux
    return true;
  }

  private static boolean staged(SnapshotStore store, String entry) throws IOException {
    Path snapshots = store.root().resolve("snapshots");
    if (!Files.isDirectory(snapshots)) {
      return false;
    }
    try (Stream<Path> dirs = Files.list(snapshots)) {
      return dirs.filter(d -> d.getFileName().toString().startsWith(".staging-"))
          .anyMatch(d -> Files.exists(d.resolve(entry)));
    } catch (java.nio.file.NoSuchFileException e) {
      return false; // moved or removed while listed
    }
  }

  private static long stagingLeft(SnapshotStore store) throws IOException {
    try (Stream<Path> dirs = Files.list(store.root().resolve("snapshots"))) {
      return dirs.filter(d -> d.getFileName().toString().startsWith(".staging-")).count();
    }
  }

  /**
   * The current snapshot's load report accounts for every return and claim row in the landing
   * folder, as the plain-Java reader counts them.
   */
  private static void assertAccountsForEveryInput(SnapshotStore store, Path landing) {
    String current = store.currentId().orElseThrow();
    Totals totals =
        LoadReport.readJson(store.snapshotDir(current).resolve(LoadReport.FILE_NAME)).totals();
    ReturnReader reader =
        new ReturnReader(ReferenceDataLoader.load(TestLandings.reference()), ReadLimits.defaults());
    List<ReturnSource> returns = LandingFolder.scan(landing).returns();
    long claimRows = returns.stream().mapToLong(r -> reader.read(landing, r).claimRowsRead()).sum();
    assertThat(totals.returnsRead()).as("returns read").isEqualTo(returns.size());
    assertThat(totals.returnsAccepted() + totals.returnsRejected()).isEqualTo(totals.returnsRead());
    assertThat(totals.claimRowsRead()).as("claim rows read").isEqualTo(claimRows);
    assertThat(totals.claimRowsAccepted() + totals.claimRowsRejected())
        .isEqualTo(totals.claimRowsRead());
  }
}
