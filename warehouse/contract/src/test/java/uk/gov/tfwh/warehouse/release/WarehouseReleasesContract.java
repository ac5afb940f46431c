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
   * Another reader of the same warehouse, as another process (the API while {@code ./tfwh publish}
   * runs) would open it: it must see every change made through {@code releases} at once, whatever
   * it has cached.
   */
  protected abstract WarehouseReleases anotherReader(WarehouseReleases releases);

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

  @Test
  void anotherReaderSeesEachCommitAndPublicationAtOnceWhateverItReadBefore() {
    WarehouseReleases writer = newWarehouse();
    WarehouseReleases reader = anotherReader(writer);
    assertThat(reader.currentId()).isEmpty();
    assertThat(reader.changeToken()).isEqualTo(writer.changeToken());

    SnapshotManifest first = commit(writer, "20261205T210000000Z-aaaaaaaa");
    assertThat(reader.currentId()).contains(first.id());
    assertThat(reader.current()).contains(first);
    assertThat(reader.publishedId()).isEmpty();
    WarehouseReleases.ChangeToken committed = reader.changeToken();

    publish(writer, first.id());
    assertThat(reader.changeToken()).isNotEqualTo(committed).isEqualTo(writer.changeToken());
    assertThat(reader.publishedId()).contains(first.id());
    assertThat(reader.published()).contains(first);
    assertThat(reader.isPublished(first.id())).isTrue();

    SnapshotManifest second = commit(writer, "20261205T220000000Z-bbbbbbbb");
    assertThat(reader.currentId()).contains(second.id());
    assertThat(reader.publishedId()).contains(first.id());
    assertThat(reader.isCommitted(second.id())).isTrue();
    assertThat(reader.manifest(second.id())).isEqualTo(second);
    assertThat(reader.list()).containsExactly(first, second);

    publish(writer, second.id());
    assertThat(reader.publishedId()).contains(second.id());
    assertThat(reader.publications())
        .extracting(WarehouseReleases.Publication::snapshotId)
        .containsExactly(first.id(), second.id());
    assertThat(reader.changeToken()).isEqualTo(writer.changeToken());
  }

  @Test
  void aManifestReadsBackWithEverythingItWasCommittedWith() {
    WarehouseReleases releases = newWarehouse();
    SnapshotManifest first = commit(releases, "20261205T210000000Z-aaaaaaaa");
    SnapshotManifest second = commit(releases, "20261205T220000000Z-bbbbbbbb");

    SnapshotManifest read = releases.manifest(second.id());
    assertThat(read.parentId()).isEqualTo(first.id());
    assertThat(read.inputs()).isEqualTo(second.inputs());
    assertThat(read.tables()).isEqualTo(second.tables());
    assertThat(read.createdAt()).isEqualTo(second.createdAt());
    assertThat(releases.manifest(first.id()).parentId()).isNull();
  }
}
