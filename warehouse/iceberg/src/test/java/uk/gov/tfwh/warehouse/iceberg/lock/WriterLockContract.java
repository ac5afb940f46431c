package uk.gov.tfwh.warehouse.iceberg.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogDatabase;

/**
 * What every writer lock does, with real processes: a second writer is refused naming the first,
 * and a holder killed with SIGKILL leaves the warehouse unlocked.
 */
abstract class WriterLockContract {
  @TempDir Path warehouse;
  private final List<Process> processes = new ArrayList<>();

  /** A catalog database whose settings choose the lock under test. */
  abstract CatalogDatabase database();

  /** The lock's kind. */
  abstract WriterLock.Kind kind();

  /** The arguments of {@link LockHolder} after the warehouse folder. */
  abstract List<String> holderArguments();

  /** The environment {@link LockHolder} needs. */
  abstract void environment(ProcessBuilder builder);

  @AfterEach
  void stopProcesses() {
    processes.forEach(Process::destroyForcibly);
  }

  @Test
  void theSettingsChooseThisLockAndClosingReleasesIt() {
    CatalogDatabase database = database();
    try (WriterLock lock = WriterLocks.acquire(database, warehouse, "publish")) {
      assertThat(lock.kind()).isEqualTo(kind());
      assertThat(lock.holder())
          .startsWith("publish (")
          .contains("process " + ProcessHandle.current().pid() + ", since ");
      assertThatThrownBy(() -> WriterLocks.acquire(database, warehouse, "load"))
          .isInstanceOf(WriterBusyException.class)
          .hasMessageStartingWith(
              "the warehouse tfwh is busy: " + lock.holder() + " holds its lock");
    }
    try (WriterLock again = WriterLocks.acquire(database, warehouse, "load")) {
      assertThat(again.holder()).startsWith("load (");
    }
  }

  @Test
  void aSecondProcessIsRefusedNamingTheFirstAndAKilledHolderLeavesTheWarehouseUnlocked()
      throws Exception {
    CatalogDatabase database = database();
    Process first = holder();
    String held = firstLine(first);
    assertThat(held).startsWith("HELD load (").contains("process " + first.pid() + ", since ");
    String holder = held.substring("HELD ".length());

    Process second = holder();
    String refused = firstLine(second);
    assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(second.exitValue()).as(refused).isEqualTo(LockHolder.BUSY);
    assertThat(refused)
        .isEqualTo(
            "BUSY the warehouse tfwh is busy: "
                + holder
                + " holds its lock; run this again once that has finished");

    first.destroyForcibly(); // SIGKILL: no finally block, no shutdown hook runs
    assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();

    try (WriterLock lock = acquireWithin(database, 10)) {
      assertThat(lock.holder()).contains("process " + ProcessHandle.current().pid());
      Process third = holder();
      assertThat(firstLine(third)).startsWith("BUSY ").contains(lock.holder());
    }
  }

  /**
   * The lock once it is free: the kernel frees a file lock as the process dies, while PostgreSQL
   * notices the closed socket a moment later.
   */
  private WriterLock acquireWithin(CatalogDatabase database, int seconds)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (true) {
      try {
        return WriterLocks.acquire(database, warehouse, "load");
      } catch (WriterBusyException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(50);
      }
    }
  }

  private Process holder() throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
    command.add(LockHolder.class.getName());
    command.add(warehouse.toString());
    command.addAll(holderArguments());
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
    environment(builder);
    Process process = builder.start();
    processes.add(process);
    return process;
  }

  private static String firstLine(Process process) throws IOException {
    BufferedReader output =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    return String.valueOf(output.readLine());
  }
}
