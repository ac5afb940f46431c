package uk.gov.tfwh.warehouse.iceberg.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogDatabase;
import uk.gov.tfwh.warehouse.release.WarehouseReleases;
import uk.gov.tfwh.warehouse.release.WarehouseReleasesContract;
import uk.gov.tfwh.warehouse.snapshot.ManifestJson;
import uk.gov.tfwh.warehouse.snapshot.SnapshotManifest;

/**
 * {@link IcebergReleases} passes the readers' contract on a catalog database, and reads what it
 * serves on every request once per change token. Each implementation gives a new catalog database.
 */
abstract class IcebergReleasesContract extends WarehouseReleasesContract {
  private final Map<WarehouseReleases, CatalogDatabase> databases = new HashMap<>();

  /** A catalog database no test has used yet. */
  abstract CatalogDatabase newDatabase();

  @Override
  protected WarehouseReleases newWarehouse() {
    CatalogDatabase database = newDatabase();
    IcebergReleases releases = IcebergReleases.open(database);
    databases.put(releases, database);
    return releases;
  }

  @Override
  protected WarehouseReleases anotherReader(WarehouseReleases releases) {
    CatalogDatabase database = databases.get(releases);
    IcebergReleases reader = new IcebergReleases(database);
    databases.put(reader, database);
    return reader;
  }

  @Override
  protected SnapshotManifest commit(WarehouseReleases releases, String id) {
    IcebergReleases iceberg = (IcebergReleases) releases;
    Optional<Release> parent = iceberg.currentRelease();
    SnapshotManifest manifest = manifest(id, parent.map(Release::id).orElse(null));
    Release release = release(parent, manifest);
    new ReleaseCommit(databases.get(releases)).commit(release);
    return manifest;
  }

  private static Release release(Optional<Release> parent, SnapshotManifest manifest) {
    long seq = parent.map(Release::seq).orElse(0L) + 1;
    ReleaseRecord record =
        new ReleaseRecord(
            seq,
            manifest.id(),
            parent.map(Release::id),
            manifest.createdAt(),
            manifest.referenceVersion(),
            manifest.inputsDigest(),
            ManifestJson.write(manifest),
            "{}",
            "IcebergReleasesContract");
    return new Release(record, ReleaseFixtures.tables(seq));
  }

  @Override
  protected void publish(WarehouseReleases releases, String id) {
    new ReleaseCommit(databases.get(releases)).publish(id, "IcebergReleasesContract");
  }

  @Override
  protected void changeNothingReadersSee(WarehouseReleases releases) {
    // What retention and a killed load's clean-up leave the readers: the release tables as they
    // were; a new release tried on an old parent is refused and writes nothing.
    IcebergReleases iceberg = (IcebergReleases) releases;
    SnapshotManifest stale = manifest("20261205T230000000Z-cccccccc", null);
    assertThatThrownBy(
            () ->
                new ReleaseCommit(databases.get(releases)).commit(release(Optional.empty(), stale)))
        .isInstanceOf(ReleaseConflictException.class);
    new ReleaseCatalog(databases.get(releases)).migrate();
    iceberg.currentRelease();
  }

  @Test
  void whileNothingChangesEachReadCostsOneStatementTheToken() throws SQLException {
    IcebergReleases releases = (IcebergReleases) newWarehouse();
    SnapshotManifest first = commit(releases, "20261205T210000000Z-aaaaaaaa");
    publish(releases, first.id());
    commit(releases, "20261205T220000000Z-bbbbbbbb");
    releases.currentId();

    // With the releases' table rows gone from under it (no writer does this), a reader that read
    // the releases again would find them damaged; one that kept them under an unchanged token
    // answers as before.
    CatalogDatabase database = databases.get(releases);
    hideTheReleasesTables(database);
    try {
      assertThatThrownBy(() -> anotherReader(releases).currentId())
          .isInstanceOf(ReleaseException.class)
          .hasMessageContaining("names no table");
      assertThat(releases.currentId()).contains("20261205T220000000Z-bbbbbbbb");
      assertThat(releases.publishedId()).contains(first.id());
      assertThat(releases.publishedIds()).containsExactly(first.id());
      assertThat(releases.currentRelease().orElseThrow().tables()).hasSize(ReleaseFixtures.TABLES);
    } finally {
      restoreTheReleasesTables(database);
    }
  }

  @Test
  void anOlderReleaseIsCommittedUntilRetentionDeletesItsRowThoughTheTokenStays() {
    IcebergReleases releases = (IcebergReleases) newWarehouse();
    SnapshotManifest first = commit(releases, "20261205T210000000Z-aaaaaaaa");
    SnapshotManifest second = commit(releases, "20261205T220000000Z-bbbbbbbb");
    SnapshotManifest third = commit(releases, "20261205T230000000Z-cccccccc");
    publish(releases, second.id());
    assertThat(releases.currentId()).contains(third.id());

    // Neither current nor published: looked up in the release tables, not in what the token keeps.
    assertThat(releases.isCommitted(first.id())).isTrue();
    assertThat(releases.isCommitted(second.id())).isTrue();
    var before = releases.changeToken();
    ReleaseCatalog catalog = releases.catalog();
    new ReleaseCommit(databases.get(releases))
        .delete(List.of(catalog.outlineById(first.id()).orElseThrow()));

    assertThat(releases.changeToken()).isEqualTo(before);
    assertThat(releases.isCommitted(first.id())).isFalse();
    assertThat(releases.release(first.id())).isEmpty();
    assertThat(releases.isCommitted(second.id())).isTrue();
    assertThat(releases.isCommitted(third.id())).isTrue();
  }

  @Test
  void aReleaseWhoseRowHoldsAnotherReleasesManifestIsRefused() {
    IcebergReleases releases = (IcebergReleases) newWarehouse();
    SnapshotManifest other = manifest("20261205T210000000Z-aaaaaaaa", null);
    SnapshotManifest own = manifest("20261205T220000000Z-bbbbbbbb", null);
    Release release = release(Optional.empty(), own);
    ReleaseRecord record = release.record();
    new ReleaseCommit(databases.get(releases))
        .commit(
            new Release(
                new ReleaseRecord(
                    record.seq(),
                    record.id(),
                    record.parentId(),
                    record.createdAt(),
                    record.referenceVersion(),
                    record.inputsDigest(),
                    ManifestJson.write(other),
                    record.loadReportJson(),
                    record.writtenBy()),
                release.tables()));

    assertThat(releases.isCommitted(own.id())).isTrue();
    assertThatThrownBy(() -> releases.manifest(own.id()))
        .isInstanceOf(ReleaseException.class)
        .hasMessageContaining("holds the manifest of " + other.id());
    assertThatThrownBy(releases::list)
        .as("the list reads the manifests alone, and checks them the same way")
        .isInstanceOf(ReleaseException.class)
        .hasMessageContaining("release 1 (" + own.id() + ") holds the manifest of " + other.id());
  }

  @Test
  void itsLocationNamesTheCatalogAndItsDatabase() {
    WarehouseReleases releases = newWarehouse();
    CatalogDatabase database = databases.get(releases);

    assertThat(releases.location())
        .contains(database.catalogName())
        .contains(database.settings().uri());
  }

  /** Moves the release tables' table rows aside; the token reads none of them. */
  private static void hideTheReleasesTables(CatalogDatabase database) throws SQLException {
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE hidden_release_table AS SELECT * FROM tfwh_release_table");
      statement.execute("DELETE FROM tfwh_release_table");
    }
  }

  private static void restoreTheReleasesTables(CatalogDatabase database) throws SQLException {
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("INSERT INTO tfwh_release_table SELECT * FROM hidden_release_table");
      statement.execute("DROP TABLE hidden_release_table");
    }
  }
}
