package uk.gov.tfwh.warehouse.iceberg.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.gov.tfwh.warehouse.iceberg.release.ReleaseFixtures.child;
import static uk.gov.tfwh.warehouse.iceberg.release.ReleaseFixtures.first;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogDatabase;

/**
 * What the release tables do, on every catalog database: each implementation gives a new, empty
 * catalog database, and another catalog in the same database.
 */
abstract class ReleaseCatalogContract {

  private final ExecutorService threads = Executors.newFixedThreadPool(2);

  /** A catalog database no test has used yet. */
  abstract CatalogDatabase newDatabase();

  /** Another catalog (another catalog name) in the same database. */
  abstract CatalogDatabase otherCatalog(CatalogDatabase database);

  @AfterEach
  void stopThreads() {
    threads.shutdownNow();
  }

  /** A new catalog database with the release tables made. */
  CatalogDatabase migrated() {
    CatalogDatabase database = newDatabase();
    new ReleaseCatalog(database).migrate();
    return database;
  }

  @Test
  void migratingTwiceMakesTheTablesOnceAndKeepsWhatWasCommitted() throws SQLException {
    CatalogDatabase database = newDatabase();
    ReleaseCatalog releases = new ReleaseCatalog(database);

    assertThat(releases.migrate()).isTrue();
    assertThat(releases.migrate()).isFalse();
    Release release = first("a");
    new ReleaseCommit(database).commit(release);
    assertThat(releases.migrate()).isFalse();

    assertThat(releases.current()).contains(release);
    assertThat(query(database, "SELECT component, version FROM tfwh_schema_version"))
        .containsExactly("release-tables 3");
  }

  @Test
  void twoMigrationsOfANewDatabaseAtOnceBothSucceedAndOneMakesTheTables() throws Exception {
    CatalogDatabase database = newDatabase();
    CyclicBarrier start = new CyclicBarrier(2);
    List<Future<Boolean>> made = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      ReleaseCatalog releases = new ReleaseCatalog(database);
      made.add(
          threads.submit(
              () -> {
                start.await();
                return releases.migrate();
              }));
    }

    assertThat(
            List.of(made.get(0).get(60, TimeUnit.SECONDS), made.get(1).get(60, TimeUnit.SECONDS)))
        .containsExactlyInAnyOrder(true, false);
    assertThat(query(database, "SELECT component, version FROM tfwh_schema_version"))
        .containsExactly("release-tables 3");
  }

  @Test
  void releaseTablesOfANewerVersionAreRefused() throws SQLException {
    CatalogDatabase database = migrated();
    execute(database, "UPDATE tfwh_schema_version SET version = 4");

    assertThatThrownBy(() -> new ReleaseCatalog(database).migrate())
        .isInstanceOf(ReleaseException.class)
        .hasMessageContaining("are version 4, newer than this tfwh's version 3");
  }

  @Test
  void releaseTablesOfVersion1AreUpgradedWithTheWriterTableAndKeepTheirReleases()
      throws SQLException {
    CatalogDatabase database = migrated();
    Release release = first("a");
    new ReleaseCommit(database).commit(release);
    // the catalog as version 1 made it
    execute(database, "DROP TABLE tfwh_writer");
    execute(database, "UPDATE tfwh_schema_version SET version = 1");
    ReleaseCatalog releases = new ReleaseCatalog(database);

    assertThat(releases.migrate()).isTrue();
    assertThat(releases.migrate()).isFalse();

    assertThat(query(database, "SELECT component, version FROM tfwh_schema_version"))
        .containsExactly("release-tables 3");
    assertThat(query(database, "SELECT count(*) FROM tfwh_writer")).containsExactly("0");
    assertThat(releases.current()).contains(release);
  }

  @Test
  void releaseTablesOfVersion2AreUpgradedAndTheirRowsOfJsonReadAsNewPackedRowsDo()
      throws SQLException {
    CatalogDatabase database = migrated();
    ReleaseCatalog releases = new ReleaseCatalog(database);
    Release one = first("a");
    Release two = child(one, "a");
    // release 1 as version 2 wrote it: the manifest and report as JSON
    new ReleaseCommit(database).commit(one);
    try (Connection connection = database.connect();
        var update =
            connection.prepareStatement(
                "UPDATE tfwh_release SET manifest_json = ?, load_report_json = ?")) {
      update.setString(1, one.record().manifestJson());
      update.setString(2, one.record().loadReportJson());
      update.executeUpdate();
    }
    execute(database, "UPDATE tfwh_schema_version SET version = 2");

    assertThat(releases.migrate()).isTrue();
    new ReleaseCommit(database).commit(two);

    assertThat(query(database, "SELECT component, version FROM tfwh_schema_version"))
        .containsExactly("release-tables 3");
    assertThat(query(database, "SELECT substr(manifest_json, 1, 12) FROM tfwh_release"))
        .as("release 1 keeps its JSON; release 2 is packed")
        .containsExactly(one.record().manifestJson().substring(0, 12), ReleaseText.PACKED);
    assertThat(releases.byId(one.id())).contains(one);
    assertThat(releases.byId(two.id())).contains(two);
    assertThat(releases.byId(one.id()).orElseThrow().record().manifestJson())
        .isEqualTo(one.record().manifestJson());
    assertThat(releases.manifests())
        .containsExactly(
            new ReleaseManifest(one.seq(), one.id(), one.record().manifestJson()),
            new ReleaseManifest(two.seq(), two.id(), two.record().manifestJson()));
  }

  @Test
  void aReleaseRowKeepsItsManifestAndReportPackedAndReadsBackTheirJson() throws SQLException {
    CatalogDatabase database = migrated();
    ReleaseCatalog releases = new ReleaseCatalog(database);
    Release release = withDocuments(first("a"), landingFiles(3_000));

    new ReleaseCommit(database).commit(release);

    String manifestJson = release.record().manifestJson();
    for (String column : List.of("manifest_json", "load_report_json")) {
      String stored = query(database, "SELECT " + column + " FROM tfwh_release").get(0);
      assertThat(stored).as(column).startsWith(ReleaseText.PACKED).doesNotContain("Kent");
      assertThat(stored.length()).as(column).isLessThan(manifestJson.length() / 2);
    }
    assertThat(releases.current().orElseThrow().record().manifestJson()).isEqualTo(manifestJson);
    assertThat(releases.current().orElseThrow().record().loadReportJson())
        .isEqualTo(release.record().loadReportJson());
    assertThat(releases.currentParent().orElseThrow().manifestJson()).isEqualTo(manifestJson);
    assertThat(releases.manifests().get(0).manifestJson()).isEqualTo(manifestJson);
  }

  /** A manifest listing this many landing files, each with a checksum, as a long history's does. */
  private static String landingFiles(int count) {
    StringBuilder json = new StringBuilder("{\"inputs\":[");
    for (int i = 0; i < count; i++) {
      json.append(i == 0 ? "" : ",")
          .append("{\"name\":\"E10000016-")
          .append(2012 + i / 600)
          .append("Q")
          .append(1 + i % 4)
          .append("-p1.summary.csv\",\"authority\":\"Kent – £ ’\",\"sha256\":\"")
          .append(String.format("%064x", (long) i * 0x9E3779B97F4A7C15L))
          .append("\"}");
    }
    return json.append("]}").toString();
  }

  private static Release withDocuments(Release release, String manifestJson) {
    ReleaseRecord record = release.record();
    return new Release(
        new ReleaseRecord(
            record.seq(),
            record.id(),
            record.parentId(),
            record.createdAt(),
            record.referenceVersion(),
            record.inputsDigest(),
            manifestJson,
            "{\"returns\":" + manifestJson + "}",
            record.writtenBy()),
        release.tables());
  }

  @Test
  void aNewCatalogHasNoReleaseAndNoPublication() {
    ReleaseCatalog releases = new ReleaseCatalog(migrated());

    assertThat(releases.current()).isEmpty();
    assertThat(releases.currentParent()).isEmpty();
    assertThat(releases.published()).isEmpty();
    assertThat(releases.byId("20261205T210000123Z-abcdef12")).isEmpty();
    assertThat(releases.list()).isEmpty();
    assertThat(releases.manifests()).isEmpty();
    assertThat(releases.outlines()).isEmpty();
    assertThat(releases.currentOutline()).isEmpty();
    assertThat(releases.outlineById("20261205T210000123Z-abcdef12")).isEmpty();
    assertThat(releases.publishedOutline()).isEmpty();
    assertThat(releases.publications()).isEmpty();
    assertThat(releases.changeToken()).isEqualTo(ChangeToken.NONE);
  }

  @Test
  void aCommittedReleaseReadsBackExactlyAsCurrentAndById() {
    CatalogDatabase database = migrated();
    ReleaseCatalog releases = new ReleaseCatalog(database);
    ReleaseCommit commit = new ReleaseCommit(database);
    Release one = first("a");
    Release two = child(one, "a");

    commit.commit(one);
    assertThat(releases.current()).contains(one);
    commit.commit(two);

    assertThat(releases.current()).contains(two);
    assertThat(releases.currentParent())
        .as("what a load builds on: the newest release's outline and manifest, not its report")
        .contains(new ParentRelease(two.outline(), two.record().manifestJson()));
    assertThat(releases.byId(one.id())).contains(one);
    assertThat(releases.byId(two.id())).contains(two);
    assertThat(releases.currentOutline())
        .as("what a query is pinned to: the tables' snapshots, not the manifest and report")
        .contains(two.outline());
    assertThat(releases.outlineById(one.id())).contains(one.outline());
    assertThat(releases.outlineById(two.id())).contains(two.outline());
    assertThat(releases.outlineById("20261205T210000123Z-abcdef12")).isEmpty();
    assertThat(releases.current().orElseThrow().tables())
        .containsExactlyElementsOf(two.tables())
        .hasSize(ReleaseFixtures.TABLES);
    assertThat(releases.list()).containsExactly(one.record(), two.record());
    assertThat(releases.manifests())
        .as("every release's manifest, without its report")
        .containsExactly(
            new ReleaseManifest(one.seq(), one.id(), one.record().manifestJson()),
            new ReleaseManifest(two.seq(), two.id(), two.record().manifestJson()));
    assertThat(releases.outlines())
        .as("every release with its tables, in one read, without the manifests and reports")
        .containsExactly(one.outline(), two.outline());
    assertThat(releases.published()).isEmpty();
  }

  @Test
  void everyReadOfOneReleaseRefusesARowWithoutTables() throws SQLException {
    CatalogDatabase database = migrated();
    ReleaseCatalog releases = new ReleaseCatalog(database);
    ReleaseCommit commit = new ReleaseCommit(database);
    Release one = first("a");
    commit.commit(one);
    commit.publish(one.id(), "alice");
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("DELETE FROM tfwh_release_table");
    }

    List<ThrowingCallable> reads =
        List.of(
            releases::current,
            releases::currentParent,
            releases::currentOutline,
            releases::published,
            releases::publishedOutline,
            () -> releases.byId(one.id()),
            () -> releases.outlineById(one.id()),
            releases::outlines);
    for (ThrowingCallable read : reads) {
      assertThatThrownBy(read)
          .isInstanceOf(ReleaseException.class)
          .hasMessageContaining("release 1 (" + one.id() + ")")
          .hasMessageContaining("names no table: the release tables are damaged");
    }
  }

  @Test
  void aReleaseIsReadWithItsManifestAndReportOnceNotOnEveryTablesRow() throws SQLException {
    CatalogDatabase database = migrated();
    ReleaseCommit commit = new ReleaseCommit(database);
    Release one = first("a");
    commit.commit(one);
    commit.commit(child(one, "a"));
    commit.publish(one.id(), "alice");
    SqlFile read = SqlFile.load("read.sql");

    // Each read: its choice of release, then the release with its tables, as one statement.
    for (String[] statement :
        List.of(
            new String[] {"current", "choose-current", null},
            new String[] {"published", "choose-published", null},
            new String[] {"by-id", "choose-by-id", one.id()})) {
      String sql = read.statement(statement[1]) + "\n" + read.statement("release-with-tables");
      try (Connection connection = database.connect();
          var query = connection.prepareStatement(sql)) {
        query.setString(1, database.catalogName());
        if (statement[2] != null) {
          query.setString(2, statement[2]);
        }
        int rows = 0;
        int withManifest = 0;
        try (ResultSet result = query.executeQuery()) {
          while (result.next()) {
            rows++;
            withManifest += result.getString("manifest_json") == null ? 0 : 1;
          }
        }
        assertThat(rows)
            .as(statement[0] + ": the release and each table")
            .isEqualTo(ReleaseFixtures.TABLES + 1);
        assertThat(withManifest).as(statement[0] + ": the manifest, on one row only").isEqualTo(1);
      }
    }
  }

  @Test
  void aReleaseWhoseParentMovedIsRefusedAndNothingOfItIsWritten() throws SQLException {
    CatalogDatabase database = migrated();
    ReleaseCatalog releases = new ReleaseCatalog(database);
    ReleaseCommit commit = new ReleaseCommit(database);
    Release one = first("a");
    commit.commit(one);
    Release late = first("b");

    assertThatThrownBy(() -> commit.commit(late))
        .isInstanceOfSatisfying(
            ReleaseConflictException.class,
            conflict -> {
              assertThat(conflict.releaseId()).isEqualTo(late.id());
              assertThat(conflict.expectedParentSeq()).isZero();
              assertThat(conflict.expectedParentId()).isEmpty();
              assertThat(conflict.currentSeq()).isEqualTo(1);
              assertThat(conflict.currentId()).contains(one.id());
            })
        .hasMessage(
            "release "
                + late.id()
                + " was not committed: release 1 ("
                + one.id()
                + ") was committed by another load while this one ran on no release; nothing"
                + " was released; load again");
    Release ahead = ReleaseFixtures.release(3, Optional.of(one.id()), "b");
    assertThatThrownBy(() -> commit.commit(ahead))
        .isInstanceOf(ReleaseConflictException.class)
        .hasMessageContaining("this load ran on release 2 (" + one.id() + "), but the newest is")
        .hasMessageContaining("release 1 (" + one.id() + ")");
    Release wrongParent = ReleaseFixtures.release(2, Optional.of(late.id()), "b");
    assertThatThrownBy(() -> commit.commit(wrongParent))
        .isInstanceOf(ReleaseConflictException.class)
        .hasMessageContaining(
            "this load ran on release 1 (" + late.id() + "), but the newest is release 1");

    assertThat(releases.list()).containsExactly(one.record());
    assertThat(releases.current()).contains(one);
    assertThat(releases.byId(late.id())).isEmpty();
    assertThat(releases.changeToken()).isEqualTo(new ChangeToken(1, 0));
    assertThat(query(database, "SELECT count(*) FROM tfwh_release_table"))
        .containsExactly(String.valueOf(ReleaseFixtures.TABLES));
  }

  @Test
  void aReleaseWhoseIdIsTakenIsRefused() {
    CatalogDatabase database = migrated();
    ReleaseCommit commit = new ReleaseCommit(database);
    List<Release> committed = committed(database, 2);
    Release one = committed.get(0);
    Release two = committed.get(1);
    Release three = child(two, "a");
    Release reusingOne = new Release(withId(three.record(), one.id()), three.tables());

    assertThatThrownBy(() -> commit.commit(reusingOne))
        .isInstanceOf(ReleaseException.class)
        .isNotInstanceOf(ReleaseConflictException.class)
        .hasMessageContaining("has a release of that id already, release 1");
    assertThat(new ReleaseCatalog(database).list()).containsExactly(one.record(), two.record());
  }

  @Test
  void aFailureAfterTheReleaseRowIsWrittenLeavesNoRelease() throws SQLException {
    CatalogDatabase database = migrated();
    execute(database, "DROP TABLE tfwh_release_table");

    assertThatThrownBy(() -> new ReleaseCommit(database).commit(first("a")))
        .isInstanceOf(ReleaseException.class)
        .hasMessageContaining("cannot commit release 1");

    ReleaseCatalog releases = new ReleaseCatalog(database);
    assertThat(releases.list()).isEmpty();
    assertThat(releases.changeToken()).isEqualTo(ChangeToken.NONE);
  }

  @Test
  void twoWritersOnTheSameParentCommitExactlyOneReleaseEachRound() throws Exception {
    CatalogDatabase database = migrated();
    ReleaseCatalog releases = new ReleaseCatalog(database);
    List<Release> winners = new ArrayList<>();
    for (int round = 1; round <= 4; round++) {
      Optional<Release> parent = releases.current();
      List<Release> rivals = new ArrayList<>();
      for (String writer : List.of("a", "b")) {
        rivals.add(parent.map(p -> child(p, writer)).orElseGet(() -> first(writer)));
      }
      List<Optional<Throwable>> outcomes = race(database, rivals);

      assertThat(outcomes).as("round " + round).filteredOn(Optional::isEmpty).hasSize(1);
      assertThat(outcomes)
          .as("round " + round)
          .filteredOn(Optional::isPresent)
          .singleElement()
          .satisfies(
              failure ->
                  assertThat(failure.orElseThrow()).isInstanceOf(ReleaseConflictException.class));
      Release winner = rivals.get(outcomes.indexOf(Optional.empty()));
      Release loser = rivals.get(1 - rivals.indexOf(winner));
      assertThat(releases.current()).contains(winner);
      assertThat(releases.byId(loser.id())).isEmpty();
      winners.add(winner);
    }

    assertThat(releases.list())
        .containsExactlyElementsOf(winners.stream().map(Release::record).toList());
    assertThat(query(database, "SELECT count(*) FROM tfwh_release_table"))
        .containsExactly(String.valueOf(4 * ReleaseFixtures.TABLES));
  }

  @Test
  void aReaderWhileReleasesAreCommittedSeesWholeReleasesNeverGoingBack() throws Exception {
    CatalogDatabase database = migrated();
    ReleaseCatalog releases = new ReleaseCatalog(database);
    AtomicBoolean writing = new AtomicBoolean(true);
    AtomicInteger readsWhileWriting = new AtomicInteger();
    List<String> wrong = Collections.synchronizedList(new ArrayList<>());
    Future<?> reader =
        threads.submit(
            () -> {
              long newest = 0;
              ChangeToken token = ChangeToken.NONE;
              while (writing.get()) {
                Optional<Release> current = releases.current();
                ChangeToken now = releases.changeToken();
                long seq = current.map(Release::seq).orElse(0L);
                if (current.isPresent() && !ReleaseFixtures.isWhole(current.get())) {
                  wrong.add("release " + seq + " read with " + current.get().tables());
                }
                if (seq < newest || now.releaseSeq() < token.releaseSeq()) {
                  wrong.add("went back from " + newest + " to " + seq + " or " + now);
                }
                newest = seq;
                token = now;
                readsWhileWriting.incrementAndGet();
              }
              return null;
            });
    Future<?> writer =
        threads.submit(
            () -> {
              try {
                committed(database, 25);
              } finally {
                writing.set(false);
              }
              return null;
            });

    writer.get(60, TimeUnit.SECONDS);
    reader.get(60, TimeUnit.SECONDS);

    assertThat(wrong).isEmpty();
    assertThat(readsWhileWriting.get()).isPositive();
    assertThat(releases.current().orElseThrow().seq()).isEqualTo(25);
  }

  @Test
  void publicationsAreNumberedInOrderAndTheNewestOnesReleaseIsPublished() {
    CatalogDatabase database = migrated();
    ReleaseCatalog releases = new ReleaseCatalog(database);
    ReleaseCommit commit = new ReleaseCommit(database);
    List<Release> committed = committed(database, 3);
    Release one = committed.get(0);
    Release two = committed.get(1);
    Release three = committed.get(2);

    Publication first = commit.publish(two.id(), "alice");
    assertThat(releases.published()).contains(two);
    Publication second = commit.publish(one.id(), "bob");
    assertThat(releases.published()).contains(one);
    assertThat(releases.publishedOutline()).contains(one.outline());
    Publication third = commit.publish(two.id(), "alice");

    assertThat(releases.published()).contains(two);
    assertThat(releases.current()).contains(three);
    assertThat(releases.publications()).containsExactly(first, second, third);
    assertThat(releases.publications())
        .extracting(Publication::seq, Publication::releaseSeq, Publication::releaseId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1L, 2L, two.id()),
            org.assertj.core.groups.Tuple.tuple(2L, 1L, one.id()),
            org.assertj.core.groups.Tuple.tuple(3L, 2L, two.id()));
    assertThat(second.publishedAt()).isAfterOrEqualTo(first.publishedAt());
    assertThat(third.publishedBy()).isEqualTo("alice");
  }

  @Test
  void publishingAnUnknownReleaseIsRefusedAndWritesNothing() {
    CatalogDatabase database = migrated();
    ReleaseCommit commit = new ReleaseCommit(database);
    commit.commit(first("a"));

    assertThatThrownBy(() -> commit.publish("20990101T000000000Z-00000000", "alice"))
        .isInstanceOfSatisfying(
            UnknownReleaseException.class,
            e -> assertThat(e.releaseId()).isEqualTo("20990101T000000000Z-00000000"))
        .hasMessage("the catalog tfwh has no release 20990101T000000000Z-00000000");

    ReleaseCatalog releases = new ReleaseCatalog(database);
    assertThat(releases.publications()).isEmpty();
    assertThat(releases.published()).isEmpty();
    assertThat(releases.changeToken()).isEqualTo(new ChangeToken(1, 0));
  }

  @Test
  void theChangeTokenMovesOnEveryCommitAndPublicationAndOnNothingElse() {
    CatalogDatabase database = migrated();
    ReleaseCatalog releases = new ReleaseCatalog(database);
    ReleaseCommit commit = new ReleaseCommit(database);
    Release one = first("a");
    Release two = child(one, "a");

    commit.commit(one);
    assertThat(releases.changeToken()).isEqualTo(new ChangeToken(1, 0));
    commit.publish(one.id(), "alice");
    assertThat(releases.changeToken()).isEqualTo(new ChangeToken(1, 1));
    assertThatThrownBy(() -> commit.commit(first("b")))
        .isInstanceOf(ReleaseConflictException.class);
    assertThatThrownBy(() -> commit.publish(two.id(), "alice"))
        .isInstanceOf(UnknownReleaseException.class);
    assertThat(releases.changeToken()).isEqualTo(new ChangeToken(1, 1));
    commit.commit(two);
    assertThat(releases.changeToken()).isEqualTo(new ChangeToken(2, 1));
    commit.publish(two.id(), "alice");
    assertThat(releases.changeToken()).isEqualTo(new ChangeToken(2, 2));
  }

  @Test
  void anotherCatalogInTheSameDatabaseHasReleasesOfItsOwn() {
    CatalogDatabase database = migrated();
    CatalogDatabase other = otherCatalog(database);
    new ReleaseCommit(database).commit(first("a"));
    new ReleaseCommit(database).publish(first("a").id(), "alice");

    assertThat(new ReleaseCatalog(other).migrate()).isFalse();
    ReleaseCatalog others = new ReleaseCatalog(other);
    assertThat(others.current()).isEmpty();
    assertThat(others.changeToken()).isEqualTo(ChangeToken.NONE);
    Release theirs = first("b");
    new ReleaseCommit(other).commit(theirs);
    assertThat(others.current()).contains(theirs);
    assertThat(new ReleaseCatalog(database).current()).contains(first("a"));
  }

  @Test
  void deletingReleasesRemovesThemWithTheirTablesButNeverTheCurrentOrAPublishedOne()
      throws SQLException {
    CatalogDatabase database = migrated();
    List<Release> releases = committed(database, 4);
    ReleaseCommit commit = new ReleaseCommit(database);
    commit.publish(releases.get(0).id(), "alice");

    assertThat(commit.delete(List.of(releases.get(1).outline(), releases.get(2).outline())))
        .isEqualTo(2);
    assertThat(commit.delete(List.of(releases.get(1).outline()))).isZero();

    assertThatThrownBy(() -> commit.delete(List.of(releases.get(0).outline())))
        .isInstanceOf(ReleaseException.class)
        .hasMessageContaining("has been published: it is always kept");
    assertThatThrownBy(() -> commit.delete(List.of(releases.get(3).outline())))
        .isInstanceOf(ReleaseException.class)
        .hasMessageContaining("is current: it is always kept");
    ReleaseCatalog catalog = new ReleaseCatalog(database);
    assertThat(catalog.list())
        .extracting(ReleaseRecord::id)
        .containsExactly(releases.get(0).id(), releases.get(3).id());
    assertThat(query(database, "SELECT DISTINCT release_seq FROM tfwh_release_table"))
        .containsExactlyInAnyOrder("1", "4");
    assertThat(catalog.published()).contains(releases.get(0));
  }

  /** Commits releases 1 to {@code count}, each on the one before, and returns them. */
  static List<Release> committed(CatalogDatabase database, int count) {
    ReleaseCommit commit = new ReleaseCommit(database);
    List<Release> releases = new ArrayList<>();
    Release release = first("a");
    for (int seq = 1; seq <= count; seq++) {
      commit.commit(release);
      releases.add(release);
      release = child(release, "a");
    }
    return releases;
  }

  /** Commits the releases at once, one thread each: per release, empty or what it threw. */
  List<Optional<Throwable>> race(CatalogDatabase database, List<Release> rivals) throws Exception {
    CyclicBarrier start = new CyclicBarrier(rivals.size());
    List<Future<Optional<Throwable>>> outcomes = new ArrayList<>();
    for (Release release : rivals) {
      ReleaseCommit commit = new ReleaseCommit(database);
      outcomes.add(
          threads.submit(
              () -> {
                start.await();
                try {
                  commit.commit(release);
                  return Optional.<Throwable>empty();
                } catch (RuntimeException e) {
                  return Optional.<Throwable>of(e);
                }
              }));
    }
    List<Optional<Throwable>> results = new ArrayList<>();
    for (Future<Optional<Throwable>> outcome : outcomes) {
      results.add(outcome.get(60, TimeUnit.SECONDS));
    }
    return results;
  }

  private static ReleaseRecord withId(ReleaseRecord record, String id) {
    return new ReleaseRecord(
        record.seq(),
        id,
        record.parentId(),
        record.createdAt(),
        record.referenceVersion(),
        record.inputsDigest(),
        record.manifestJson(),
        record.loadReportJson(),
        record.writtenBy());
  }

  /** The rows of a query, each row's values joined by spaces. */
  static List<String> query(CatalogDatabase database, String sql) throws SQLException {
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      List<String> result = new ArrayList<>();
      int columns = rows.getMetaData().getColumnCount();
      while (rows.next()) {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          values.add(rows.getString(i));
        }
        result.add(String.join(" ", values));
      }
      return result;
    }
  }

  /** Inserts a release's row (not its tables) on a connection, as another writer would. */
  static void insertRelease(Connection connection, String catalogName, Release release)
      throws SQLException {
    try (var insert =
        connection.prepareStatement(
            "INSERT INTO tfwh_release (catalog_name, release_seq, release_id, parent_release_id,"
                + " created_at, reference_version, inputs_digest, manifest_json, load_report_json,"
                + " written_by) VALUES (?, ?, ?, ?, ?, 'r', 'd', '{}', '{}', 'test')")) {
      insert.setString(1, catalogName);
      insert.setLong(2, release.seq());
      insert.setString(3, release.id());
      insert.setString(4, release.record().parentId().orElse(null));
      insert.setString(5, release.record().createdAt().toString());
      insert.executeUpdate();
    }
  }

  static void execute(CatalogDatabase database, String sql) throws SQLException {
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
