package uk.gov.tfwh.warehouse.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One writer at a time, a clear word to the second, and no lock outliving its process. */
class WarehouseLockTest {
  private static final Clock NOON =
      Clock.fixed(Instant.parse("2026-12-05T12:00:00Z"), ZoneOffset.UTC);

  @TempDir Path warehouse;

  @Test
  void aSecondWriterIsRefusedWithWhoHoldsTheLock() {
    try (WarehouseLock first = WarehouseLock.acquire(warehouse, "load", NOON)) {
      assertThat(first.isHeld()).isTrue();

      assertThatThrownBy(() -> WarehouseLock.acquire(warehouse, "publish"))
          .isInstanceOf(WarehouseBusyException.class)
          .hasMessageContaining("the warehouse " + warehouse + " is busy")
          .hasMessageContaining(
              "load (process " + ProcessHandle.current().pid() + ", since 2026-12-05T12:00:00Z)")
          .hasMessageContaining("run this again once that has finished");
    }
  }

  @Test
  void aWarehouseThatIsAFileOrUnderOneIsRefusedNamingTheFile() throws Exception {
    Path file = Files.writeString(warehouse.resolve("not-a-folder"), "x");
    for (Path given : List.of(file, file.resolve("wh"))) {
      assertThatThrownBy(() -> WarehouseLock.acquire(given, "load"))
          .as(given.toString())
          .isInstanceOf(SnapshotException.class)
          .hasMessage(
              "the warehouse must be a folder, and "
                  + file
                  + " is a file: give the warehouse folder, or a new one to make");
    }
  }

  @Test
  void theLockIsFreeOnceItsHolderHasFinished() {
    WarehouseLock first = WarehouseLock.acquire(warehouse, "load");
    first.close();

    assertThat(first.isHeld()).isFalse();
    try (WarehouseLock second = WarehouseLock.acquire(warehouse, "publish")) {
      assertThat(second.isHeld()).isTrue();
    }
  }

  @Test
  void aKilledHolderLeavesTheWarehouseUnlocked() throws Exception {
    Process holder =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    LockHolder.class.getName(),
                    warehouse.toString()))
            .redirectErrorStream(true)
            .start();
    try {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
      assertThat(out.readLine()).as("the child took the lock").startsWith("held ");

      assertThatThrownBy(() -> WarehouseLock.acquire(warehouse, "load"))
          .isInstanceOf(WarehouseBusyException.class)
          .hasMessageContaining("load (process " + holder.pid() + ",");

      holder.destroyForcibly(); // SIGKILL: no shutdown hook, no finally
      assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();

      try (WarehouseLock after = WarehouseLock.acquire(warehouse, "load")) {
        assertThat(after.isHeld()).isTrue();
      }
    } finally {
      holder.destroyForcibly();
    }
  }
}
