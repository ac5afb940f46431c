package uk.gov.tfwh.warehouse.iceberg.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.gov.tfwh.warehouse.iceberg.release.ReleaseFixtures.first;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogDatabase;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings;
import uk.gov.tfwh.warehouse.iceberg.testing.LocalPostgres;

/**
 * The release tables in the production catalog: a real PostgreSQL server on loopback, started by
 * the test. Writers race here without any lock, as two processes on two hosts would.
 */
class ReleaseCatalogPostgresTest extends ReleaseCatalogContract {
  @TempDir Path dir;
  private final LocalPostgres postgres = LocalPostgres.shared();
  private final Map<String, String> databases = new HashMap<>();

  @Override
  CatalogDatabase newDatabase() {
    return database("tfwh", postgres.createDatabase("releases"));
  }

  @Override
  CatalogDatabase otherCatalog(CatalogDatabase database) {
    return database("other", databases.get(database.settings().uri()));
  }

  private CatalogDatabase database(String catalogName, String database) {
    CatalogSettings settings =
        CatalogSettings.of(
            Map.of(
                CatalogSettings.NAME,
                catalogName,
                CatalogSettings.URI,
                postgres.jdbcUrl(database),
                CatalogSettings.USER,
                postgres.user(),
                CatalogSettings.PASSWORD_ENV,
                RaceWriter.PASSWORD_VARIABLE),
            dir);
    databases.put(settings.uri(), database);
    return CatalogDatabase.of(settings, Map.of(RaceWriter.PASSWORD_VARIABLE, postgres.password()));
  }

  @Test
  void aWriterThatPassedTheParentCheckLosesOnTheReleaseNumber() throws Exception {
    CatalogDatabase database = migrated();
    Release one = first("a");
    Release rival = first("b");
    CompletableFuture<Void> late;
    try (Connection other = database.connect()) {
      // Another writer's transaction has inserted release 1 and not committed: the rival's
      // parent check (READ COMMITTED) still sees no release, and its insert waits on the key.
      other.setAutoCommit(false);
      insertRelease(other, database.catalogName(), one);
      late = CompletableFuture.runAsync(() -> new ReleaseCommit(database).commit(rival));
      awaitWaitingOnALock(database, late);
      other.commit();
    }

    assertThatThrownBy(() -> late.get(30, TimeUnit.SECONDS))
        .hasCauseInstanceOf(ReleaseConflictException.class)
        .cause()
        .hasMessageContaining("release 1 (" + one.id() + ") was committed by another load")
        .satisfies(
            conflict ->
                assertThat(conflict.getCause())
                    .hasMessageContaining("duplicate key value violates unique constraint"));
    assertThat(new ReleaseCatalog(database).list())
        .extracting(ReleaseRecord::id)
        .containsExactly(one.id());
  }

  @Test
  void aPublicationThatLosesTheRaceForItsNumberTakesTheNext() throws Exception {
    CatalogDatabase database = migrated();
    ReleaseCommit commit = new ReleaseCommit(database);
    List<Release> committed = committed(database, 2);
    Release one = committed.get(0);
    Release two = committed.get(1);
    CompletableFuture<Publication> late;
    try (Connection other = database.connect()) {
      other.setAutoCommit(false);
      try (PreparedStatement insert =
          other.prepareStatement(
              "INSERT INTO tfwh_publication VALUES ('tfwh', 1, 1, '2026-12-05T21:00:00Z', 'x')")) {
        insert.executeUpdate();
      }
      late = CompletableFuture.supplyAsync(() -> commit.publish(two.id(), "alice"));
      awaitWaitingOnALock(database, late);
      other.commit();
    }

    assertThat(late.get(30, TimeUnit.SECONDS).seq()).isEqualTo(2);
    ReleaseCatalog releases = new ReleaseCatalog(database);
    assertThat(releases.publications())
        .extracting(Publication::releaseId)
        .containsExactly(one.id(), two.id());
    assertThat(releases.published()).contains(two);
  }

  @Test
  void twoProcessesOnTheSameParentCommitExactlyOneRelease() throws Exception {
    CatalogDatabase database = migrated();
    ReleaseCatalog releases = new ReleaseCatalog(database);
    for (int round = 1; round <= 2; round++) {
      Path start = dir.resolve("start-" + round);
      List<Process> writers = new ArrayList<>();
      List<BufferedReader> outputs = new ArrayList<>();
      try {
        for (String writer : List.of("p" + round, "q" + round)) {
          Process process = writer(database, writer, start);
          writers.add(process);
          outputs.add(
              new BufferedReader(
                  new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)));
        }
        for (BufferedReader output : outputs) {
          assertThat(output.readLine()).isEqualTo("READY");
        }
        Files.createFile(start);
        List<String> results = new ArrayList<>();
        List<Integer> exits = new ArrayList<>();
        for (int i = 0; i < writers.size(); i++) {
          results.add(String.valueOf(outputs.get(i).readLine()));
          assertThat(writers.get(i).waitFor(60, TimeUnit.SECONDS)).isTrue();
          exits.add(writers.get(i).exitValue());
        }

        assertThat(exits).as(results.toString()).containsExactlyInAnyOrder(0, RaceWriter.CONFLICT);
        String released = results.get(exits.indexOf(0));
        assertThat(released).startsWith("RELEASED " + round + " ");
        assertThat(results.get(exits.indexOf(RaceWriter.CONFLICT)))
            .startsWith("CONFLICT ")
            .contains("was committed by another load");
        Release current = releases.current().orElseThrow();
        assertThat(released).isEqualTo("RELEASED " + round + " " + current.id());
        assertThat(ReleaseFixtures.isWhole(current)).isTrue();
      } finally {
        writers.forEach(Process::destroyForcibly);
      }
    }

    assertThat(releases.list()).extracting(ReleaseRecord::seq).containsExactly(1L, 2L);
    assertThat(releases.list().get(1).parentId()).contains(releases.list().get(0).id());
  }

  private Process writer(CatalogDatabase database, String name, Path start) throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    RaceWriter.class.getName(),
                    database.settings().uri(),
                    postgres.user(),
                    name,
                    start.toString()))
            .redirectError(ProcessBuilder.Redirect.INHERIT);
    builder.environment().put(RaceWriter.PASSWORD_VARIABLE, postgres.password());
    return builder.start();
  }

  /** Waits until a session of the database waits on a lock, or the work is done. */
  private void awaitWaitingOnALock(CatalogDatabase database, CompletableFuture<?> work)
      throws SQLException, InterruptedException {
    Supplier<Boolean> waiting =
        () -> {
          try (Connection connection = postgres.connect("postgres");
              PreparedStatement query =
                  connection.prepareStatement(
                      "SELECT count(*) FROM pg_stat_activity"
                          + " WHERE datname = ? AND wait_event_type = 'Lock'")) {
            query.setString(1, databases.get(database.settings().uri()));
            try (ResultSet rows = query.executeQuery()) {
              rows.next();
              return rows.getInt(1) > 0;
            }
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          }
        };
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!waiting.get()) {
      assertThat(work).as("finished without waiting on the other writer").isNotDone();
      assertThat(System.nanoTime()).as("waiting on a lock").isLessThan(deadline);
      Thread.sleep(10);
    }
  }
}
