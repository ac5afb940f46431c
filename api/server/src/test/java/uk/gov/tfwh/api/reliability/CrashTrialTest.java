package uk.gov.tfwh.api.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import uk.gov.tfwh.api.TfwhApiApplication;
import uk.gov.tfwh.api.access.Role;
import uk.gov.tfwh.api.user.ApiTokens;
import uk.gov.tfwh.api.user.ApiUser;
import uk.gov.tfwh.api.user.UsersFile;
import uk.gov.tfwh.warehouse.release.WarehouseReleases;

/**
 * The crash trial: the real load ({@code ./tfwh load}, a child process) is killed with SIGKILL
 * again and again, at a random time, while it writes, or during the snapshot switch ({@link
 * KillMoment}), each time with one more return in the landing folder so the load has a snapshot to
 * write. Throughout, the real API (Spring Boot on a loopback port, over the same warehouse) is
 * asked for England's totals over HTTP by an {@link ApiReader}, which must get every answer, each
 * from one committed snapshot, never an older one after a newer, always with the same figures.
 * After every kill the current snapshot is committed and complete (its manifest's row counts equal
 * its Parquet), the API has made no error, and the next load (again {@code ./tfwh load}) exits 0
 * and accounts for every return and claim row in the landing folder (read = accepted + rejected,
 * and read = what the plain-Java reader finds there), leaving no staging folder behind.
 *
 * <p>The first trial kills during the switch and measures how long a load takes to get there; the
 * random kills fall between a tenth and 1.1 times that. Kills that land (a load that finishes first
 * is not counted): {@code -Dtfwh.crash.kills} (3 in the build; {@code ./tfwh bench reliability}
 * runs 30 or more), in at most twice as many trials. Random moments come from {@code
 * -Dtfwh.crash.seed}, printed so a failure can be replayed.
 *
 * <p>The store is named by {@code -Dtfwh.crash.store} (iceberg, the default as for {@code ./tfwh
 * load}, the legacy folder, or s3: the Iceberg store with its tables on s3proxy; {@link
 * TrialStore}) and given to the loads as {@code TFWH_STORE} (and {@code --catalog FILE}) and to the
 * API as {@code tfwh.store.kind} (and {@code tfwh.store.catalog}); {@link S3CrashTrialTest} runs
 * the build's trial on s3. On the Iceberg store "committed and complete" means: every release row's
 * tables still have the snapshots it names, and the current release's planned Parquet holds exactly
 * the rows and files its row records; after each next load every table's {@code main} and {@code
 * r_} tags agree with the release rows and no {@code load_} branch is left ({@code Repair} and
 * retention have done their work).
 */
@Tag("slow")
class CrashTrialTest {
  /** Phase 2, the quarter ending 2015-06-30: Kent's and Bristol's example returns. */
  private static final String NATIONAL = "/api/v1/national?phase=2&period=2015Q2";

  @TempDir Path temp;

  @Test
  void killedLoadsNeverLoseOrTearWhatTheApiServes() throws Exception {
    int kills = Integer.getInteger("tfwh.crash.kills", defaultKills());
    long seed = Long.getLong("tfwh.crash.seed", System.nanoTime());
    System.out.println("CRASH-TRIAL seed " + seed + ", " + kills + " kills");
    Random random = new Random(seed);
    Path root = TfwhLoad.projectRoot();
    Path landing = copyExamples(root.resolve("contract/examples"), temp.resolve("landing"));
    Path warehouse = temp.resolve("warehouse");
    try (TrialStore store = TrialStore.named(storeName(), warehouse)) {
      System.out.println("CRASH-TRIAL store " + store.name());
      trial(store, store.load(root, landing, warehouse), kills, seed, random);
    }
  }

  /** The store the trial kills loads on ({@link TrialStore#named}). */
  String storeName() {
    return System.getProperty("tfwh.crash.store", "iceberg");
  }

  /** Kills that must land unless {@code -Dtfwh.crash.kills} says otherwise. */
  int defaultKills() {
    return 3;
  }

  /** When a trial kills: the three moments in turn. */
  KillMoment moment(int trial) {
    return KillMoment.forTrial(trial);
  }

  private void trial(TrialStore store, TfwhLoad load, int kills, long seed, Random random)
      throws Exception {
    Path root = TfwhLoad.projectRoot();
    Path landing = temp.resolve("landing");
    Path first = temp.resolve("load-0.log");
    load.run(first);
    store.learn(first);
    WarehouseReleases releases = store.releases();
    store.assertComplete(releases.currentId().orElseThrow());
    InputAccounting.assertEveryInputAccountedFor(store, landing, load.reference());

    TrialFigures figures = new TrialFigures(seed, store.name());
    long untilSwitchMillis = 0;
    String token = ApiTokens.newToken();
    try (ConfigurableApplicationContext api = startApi(store, nationalUser(token))) {
      String port = api.getEnvironment().getProperty("local.server.port");
      ApiReader reader =
          new ApiReader(URI.create("http://127.0.0.1:" + port + NATIONAL), token, releases);
      JsonNode baseline = reader.baseline();
      assertThat(baseline.path("authorities_reporting").asLong())
          .as(baseline.toString())
          .isEqualTo(2);
      Thread readerThread = new Thread(reader, "api-reader");
      readerThread.start();
      try {
        // Trials go on until that many kills have landed: a random-time kill can come after the
        // load has finished, which proves nothing. Twice as many trials at most.
        for (int trial = 1; figures.kills() < kills && trial <= 2 * kills; trial++) {
          String before = releases.currentId().orElseThrow();
          addReturn(root, landing, trial);
          store.leaveUncommittedFile(trial);
          KillMoment moment = moment(trial);
          Path log = temp.resolve("load-" + trial + "-killed.log");
          long started = System.nanoTime();
          Process killedLoad = load.start(log);
          boolean signalled = killAt(moment, killedLoad, log, store, random, untilSwitchMillis);
          assertThat(killedLoad.waitFor(600, TimeUnit.SECONDS)).isTrue();
          // A load in its last moments may exit 0 before the signal lands: then it finished first.
          assertThat(killedLoad.exitValue()).as(TfwhLoad.tail(log)).isIn(0, TfwhLoad.KILLED);
          boolean killed = killedLoad.exitValue() == TfwhLoad.KILLED;
          assertThat(signalled || !killed).isTrue();
          if (moment == KillMoment.DURING_SWITCH && killed) {
            untilSwitchMillis =
                Math.max(untilSwitchMillis, (System.nanoTime() - started) / 1_000_000);
          }
          figures.record(moment, killed);

          // The current snapshot is the one before or the killed load's own, and complete.
          String current = releases.currentId().orElseThrow();
          store.assertComplete(current);
          if (!current.equals(before)) {
            figures.committedBeforeKill();
          }
          assertThat(reader.errors()).as("API errors after trial %d", trial).isEmpty();

          // The next load succeeds and accounts for every input.
          Path nextLog = temp.resolve("load-" + trial + "-next.log");
          load.run(nextLog);
          store.learn(nextLog);
          String next = releases.currentId().orElseThrow();
          if (current.equals(before)) {
            // The killed load's return is new to the warehouse, so the next load makes a snapshot.
            assertThat(next).isGreaterThan(current);
          }
          try {
            store.assertComplete(next);
            InputAccounting.assertEveryInputAccountedFor(store, landing, load.reference());
            store.assertClean(!next.equals(current));
          } catch (AssertionError e) {
            throw new AssertionError(
                e.getMessage()
                    + "\nkilled load:\n"
                    + TfwhLoad.tail(log)
                    + "\nnext load:\n"
                    + TfwhLoad.tail(nextLog),
                e);
          }
          // One line per trial, so a long trial's progress can be followed and reported.
          System.out.printf(
              "CRASH-TRIAL trial %d: %s %s; snapshot complete; next load accounted for every"
                  + " input; API requests served so far %d, errors %d%n",
              trial,
              killed ? "killed" : "finished before the kill",
              moment,
              reader.served(),
              reader.errors().size());
        }
        // The API has seen the last load's snapshot: the reader followed every switch.
        String last = releases.currentId().orElseThrow();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!reader.hasSeen(last) && System.nanoTime() < deadline) {
          Thread.sleep(50);
        }
        assertThat(reader.hasSeen(last)).as("the API served the last snapshot " + last).isTrue();
      } finally {
        reader.stop();
        readerThread.join(70_000);
      }
      assertThat(reader.errors()).isEmpty();
      assertThat(reader.served()).isPositive();
      figures.apiServed(reader.served(), reader.snapshotsSeen(), reader.errors().size());
    }
    figures.untilSwitch(untilSwitchMillis);
    System.out.println(figures.summary());
    if (!store.notes().isBlank()) {
      System.out.println("CRASH-TRIAL notes: " + store.notes());
    }
    assertThat(figures.kills()).as("kills that landed").isGreaterThanOrEqualTo(kills);
  }

  /** The service as {@code ./tfwh serve --port 0 --users ...} starts it, on loopback. */
  private ConfigurableApplicationContext startApi(TrialStore store, Path users) {
    List<String> arguments = new ArrayList<>(store.apiArguments());
    arguments.addAll(
        List.of(
            "--tfwh.api.warehouse=" + temp.resolve("warehouse"),
            "--tfwh.api.users=" + users,
            "--server.port=0",
            "--server.address=127.0.0.1"));
    return new SpringApplication(TfwhApiApplication.class).run(arguments.toArray(String[]::new));
  }

  /** A users file with one national user: loads are not published, national users see them. */
  private Path nationalUser(String token) {
    Path users = temp.resolve("users.tsv");
    new UsersFile(users)
        .write(
            List.of(
                new ApiUser(
                    "national", Role.NATIONAL, null, ApiTokens.hash(token), Instant.now())));
    return users;
  }

  /** The contract's valid examples and the example with rejected claim rows. */
  private static Path copyExamples(Path examples, Path landing) throws IOException {
    Files.createDirectories(landing);
    try (Stream<Path> files = Files.list(examples)) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        if (name.startsWith("valid-") || name.startsWith("bad-claims")) {
          Files.copy(file, landing.resolve(name));
        }
      }
    }
    return landing;
  }

  /**
   * A new rejected return for this trial (a copy of an example under a new name), so every load has
   * a new snapshot to write and the landing folder grows by one return each time.
   */
  private static void addReturn(Path root, Path landing, int trial) throws IOException {
    Files.copy(
        root.resolve("contract/examples/bad-unknown-authority.summary.csv"),
        landing.resolve(String.format("trial-%03d.summary.csv", trial)));
  }

  /** Kills the load at the moment; false when it finished first. */
  private static boolean killAt(
      KillMoment moment,
      Process load,
      Path log,
      TrialStore store,
      Random random,
      long untilSwitchMillis)
      throws InterruptedException {
    // Generous: on a busy machine a load's JVM and Spark start-up alone took a minute.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(600);
    switch (moment) {
      case RANDOM_TIME -> {
        // From start-up to just past the switch, as measured by the first trial.
        long delay = (long) (untilSwitchMillis * (0.1 + random.nextDouble()));
        load.waitFor(delay, TimeUnit.MILLISECONDS);
      }
      case WHILE_WRITING -> store.awaitWriting(load, log, random, deadline);
      case DURING_SWITCH -> store.awaitSwitch(load, log, random, deadline);
    }
    if (!load.isAlive()) {
      return false;
    }
    TfwhLoad.kill(load);
    return true;
  }
}
