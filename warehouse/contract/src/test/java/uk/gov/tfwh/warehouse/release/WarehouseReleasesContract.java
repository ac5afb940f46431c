package uk.gov.tfwh.warehouse.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.gov.tfwh.warehouse.snapshot.SnapshotManifest;

/**
 * What every {@link WarehouseReleases} does for its readers: the current and the published release,
 * a release by id, the list, the publications, and a change token that moves on a new current
 * release and on a publication and stays still otherwise. Each implementation gives a new, empty
 * warehouse and the two writes the contract needs.
 */
public abstract class WarehouseReleasesContract {

  /** A new, empty warehouse's releases. */
  protected abstract WarehouseReleases newWarehouse();

  /** Commits a release built on the current one, so it becomes current; returns its manifest. */
  protected abstract SnapshotManifest commit(WarehouseReleases releases, String id);

  /** Publishes a committed release. */
  protected abstract void publish(WarehouseReleases releases, String id);

  /**
   * Does what a writer does without changing the current or the published release (for the folder
   * store: starts a load and abandons it). The change token must stay still.
   */
  protected abstract void changeNothingReadersSee(WarehouseReleases releases);

  /** A manifest a release with this id can hold. */
  protected static SnapshotManifest manifest(String id, String parentId) {
    return new SnapshotManifest(
        id,
        Instant.parse("2026-12-05T21:00:00Z"),
        parentId,
        "reference-1",
        "digest-" + id,
        List.of(new SnapshotManifest.InputFile("returns-" + id + ".csv", 12, "sha-" + id)),
        Map.of("fact_claim", new SnapshotManifest.TableStats(3, 1)));
  }

  @Test
  void anEmptyWarehouseHasNoReleases() {
    WarehouseReleases releases = newWarehouse();

    assertThat(releases.currentId()).isEmpty();
    assertThat(releases.publishedId()).isEmpty();
    assertThat(releases.current()).isEmpty();
    assertThat(releases.published()).isEmpty();
    assertThat(releases.list()).isEmpty();
    assertThat(releases.publications()).isEmpty();
    assertThat(releases.publishedIds()).isEmpty();
    assertThat(releases.isCommitted("20261205T210000000Z-aaaaaaaa")).isFalse();
    assertThat(releases.location()).isNotBlank();
  }

  @Test
  void aCommittedReleaseIsCurrentAndPreReleaseUntilPublished() {
    WarehouseReleases releases = newWarehouse();
    SnapshotManifest first = commit(releases, "20261205T210000000Z-aaaaaaaa");

    assertThat(releases.currentId()).contains(first.id());
    assertThat(releases.current()).contains(first);
    assertThat(releases.publishedId()).isEmpty();
    assertThat(releases.published()).isEmpty();
    assertThat(releases.isPublished(first.id())).isFalse();
    assertThat(releases.list()).containsExactly(first);
  }

  @Test
  void aReleaseIsFoundByIdAndAnUnknownOrMalformedIdIsNot() {
    WarehouseReleases releases = newWarehouse();
    SnapshotManifest first = commit(releases, "20261205T210000000Z-aaaaaaaa");

    assertThat(releases.isCommitted(first.id())).isTrue();
    assertThat(releases.manifest(first.id())).isEqualTo(first);
    assertThat(releases.isCommitted("20261205T210000000Z-bbbbbbbb")).isFalse();
    assertThat(releases.isCommitted("../" + first.id())).isFalse();
    assertThat(releases.isCommitted("")).isFalse();
    assertThatThrownBy(() -> releases.manifest("20261205T210000000Z-bbbbbbbb"))
        .isInstanceOf(RuntimeException.class);
  }

  @Test
  void publishingKeepsEveryPublicationAndTheCurrentReleaseMovesOnWithoutIt() {
    WarehouseReleases releases = newWarehouse();
    SnapshotManifest first = commit(releases, "20261205T210000000Z-aaaaaaaa");
    publish(releases, first.id());
    SnapshotManifest second = commit(releases, "20261205T220000000Z-bbbbbbbb");

    assertThat(releases.currentId()).contains(second.id());
    assertThat(releases.publishedId()).contains(first.id());
    assertThat(releases.published()).contains(first);
    assertThat(releases.isPublished(second.id())).isFalse();

    publish(releases, second.id());
    publish(releases, first.id());

    assertThat(releases.publishedId()).contains(first.id());
    assertThat(releases.publications())
        .extracting(WarehouseReleases.Publication::snapshotId)
        .containsExactly(first.id(), second.id(), first.id());
    assertThat(releases.publications()).allSatisfy(p -> assertThat(p.at()).isNotNull());
    assertThat(releases.publishedIds()).containsExactly(first.id(), second.id());
    assertThat(releases.isPublished(second.id())).isTrue();
    assertThat(releases.list()).containsExactly(first, second);
  }

  @Test
  void theChangeTokenMovesOnANewCurrentRelease() {
    WarehouseReleases releases = newWarehouse();
    WarehouseReleases.ChangeToken empty = releases.changeToken();
    commit(releases, "20261205T210000000Z-aaaaaaaa");
    WarehouseReleases.ChangeToken first = releases.changeToken();
    commit(releases, "20261205T220000000Z-bbbbbbbb");

    assertThat(first).isNotEqualTo(empty);
    assertThat(releases.changeToken()).isNotEqualTo(first).isNotEqualTo(empty);
  }

  @Test
  void theChangeTokenMovesOnEveryPublicationEvenOfTheSameRelease() {
    WarehouseReleases releases = newWarehouse();
    SnapshotManifest first = commit(releases, "20261205T210000000Z-aaaaaaaa");
    WarehouseReleases.ChangeToken committed = releases.changeToken();
    publish(releases, first.id());
    WarehouseReleases.ChangeToken published = releases.changeToken();
    publish(releases, first.id());

    assertThat(published).isNotEqualTo(committed);
    assertThat(releases.changeToken()).isNotEqualTo(published).isNotEqualTo(committed);
  }

  @Test
  void theChangeTokenStaysStillWhileNothingReadersSeeChanges() {
    WarehouseReleases releases = newWarehouse();
    assertThat(releases.changeToken()).isEqualTo(releases.changeToken());
    SnapshotManifest first = commit(releases, "20261205T210000000Z-aaaaaaaa");
    publish(releases, first.id());
    WarehouseReleases.ChangeToken before = releases.changeToken();

    releases.currentId();
    releases.list();
    releases.publications();
    releases.manifest(first.id());
    changeNothingReadersSee(releases);

    assertThat(releases.changeToken()).isEqualTo(before);
  }
}
