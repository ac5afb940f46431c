package uk.gov.tfwh.etl.load;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import uk.gov.tfwh.etl.LoadProcess;
import uk.gov.tfwh.etl.TestLandings;
import uk.gov.tfwh.warehouse.iceberg.testing.PostgresCatalogFile;

/**
 * {@code tfwh load} of a landing folder into an Iceberg warehouse, as an operator runs it: a child
 * JVM ({@link LoadProcess#java}) with the test reference data, into the embedded catalog ({@code
 * TFWH_STORE=iceberg}, named so the shell's store does not matter) or the catalog of a settings
 * file, {@code --catalog FILE}, whose PostgreSQL password is only in the load's environment.
 *
 * @param landing the landing folder
 * @param warehouse the warehouse folder
 * @param catalog the settings file, or empty for the embedded catalog
 */
record IcebergLoadProcess(Path landing, Path warehouse, Optional<PostgresCatalogFile> catalog) {
  /** How long one load may take on a busy machine before the test fails. */
  private static final long MINUTES = 3;

  IcebergLoadProcess {
    requireNonNull(landing, "landing");
    requireNonNull(warehouse, "warehouse");
    requireNonNull(catalog, "catalog");
  }

  /** Into the embedded catalog in the warehouse folder. */
  static IcebergLoadProcess embedded(Path landing, Path warehouse) {
    return new IcebergLoadProcess(landing, warehouse, Optional.empty());
  }

  /** Into the catalog of a PostgreSQL settings file. */
  static IcebergLoadProcess into(Path landing, Path warehouse, PostgresCatalogFile catalog) {
    return new IcebergLoadProcess(landing, warehouse, Optional.of(catalog));
  }

  /** The same load into another catalog's settings (the same landing and warehouse). */
  IcebergLoadProcess with(PostgresCatalogFile other) {
    return into(landing, warehouse, other);
  }

  /** How a load ended: its exit code, its output and its process id. */
  record Ended(int code, String log, long pid) {}

  /** Starts the load, its output in {@code log}. */
  Process start(Path log) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--landing",
                landing.toString(),
                "--warehouse",
                warehouse.toString(),
                "--reference",
                TestLandings.reference().toString()));
    catalog.ifPresent(file -> args.addAll(List.of("--catalog", file.file().toString())));
    ProcessBuilder load = LoadProcess.java("uk.gov.tfwh.etl.LoadCommand", List.of(), args, log);
    if (catalog.isPresent()) {
      load.environment().putAll(catalog.get().environment());
    } else {
      load.environment().put("TFWH_STORE", "iceberg");
    }
    try {
      return load.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs the load to its end; fails with its output unless it exits 0, else returns it. */
  String run(Path log) throws InterruptedException, IOException {
    Ended ended = runToEnd(log);
    assertThat(ended.code()).as(ended.log()).isZero();
    return ended.log();
  }

  /** Runs the load to its end, however it ends. */
  Ended runToEnd(Path log) throws InterruptedException, IOException {
    return ended(start(log), log);
  }

  /**
   * Two loads that ran at once; exactly one of them must have exited 0 and the other 1, which
   * {@link #winner} and {@link #loser} assert with both outputs.
   */
  record Race(Ended first, Ended second) {
    Ended winner() {
      assertOneWon();
      return first.code() == 0 ? first : second;
    }

    Ended loser() {
      assertOneWon();
      return first.code() == 1 ? first : second;
    }

    private void assertOneWon() {
      assertThat(List.of(first.code(), second.code()))
          .as(first.log() + second.log())
          .containsExactlyInAnyOrder(0, 1);
    }
  }

  /** Starts two of this load at once ({@code load-0.log}, {@code load-1.log} in {@code dir}). */
  Race race(Path dir) throws InterruptedException, IOException {
    Path firstLog = dir.resolve("load-0.log");
    Path secondLog = dir.resolve("load-1.log");
    Process first = start(firstLog);
    Process second = start(secondLog);
    return new Race(ended(first, firstLog), ended(second, secondLog));
  }

  private static Ended ended(Process load, Path log) throws InterruptedException, IOException {
    assertThat(load.waitFor(MINUTES, TimeUnit.MINUTES))
        .as("the load ended within %d minutes", MINUTES)
        .isTrue();
    return new Ended(load.exitValue(), Files.readString(log), load.pid());
  }
}
