package uk.gov.tfwh.warehouse.iceberg.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.SnapshotRef;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogDatabase;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings;
import uk.gov.tfwh.warehouse.iceberg.catalog.WarehouseCatalog;
import uk.gov.tfwh.warehouse.iceberg.testing.DataFileStubs;
import uk.gov.tfwh.warehouse.snapshot.SnapshotStore;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/**
 * Publishing on real Iceberg tables (an embedded catalog; the data files are stubs, since tags are
 * metadata): the publication switches what readers see, and every table's published tag follows.
 */
class PublisherTest {
  private static final List<String> QUARTER_ENDS = List.of("2013-03-31", "2013-06-30");

  @TempDir Path dir;
  private WarehouseCatalog catalog;
  private CatalogDatabase database;
  private Publisher publisher;
  private IcebergReleases releases;

  @BeforeEach
  void open() {
    CatalogSettings settings = CatalogSettings.embedded(dir);
    catalog = WarehouseCatalog.open(settings);
    database = CatalogDatabase.of(settings);
    releases = IcebergReleases.open(database);
    publisher = new Publisher(catalog, database);
  }

  @AfterEach
  void close() {
    catalog.close();
  }

  @Test
  void publishingSwitchesThePublishedReleaseAndMovesEveryTablesTag() {
    Release first = load(1);
    Release second = load(2);

    publisher.publish(first.id(), "alice");
    assertThat(releases.publishedId()).contains(first.id());
    assertThat(publishedTags()).isEqualTo(snapshots(first));

    publisher.publish(second.id(), "alice");
    assertThat(releases.publishedId()).contains(second.id());
    assertThat(publishedTags()).isEqualTo(snapshots(second));
    assertThat(snapshots(first)).doesNotContainValue(null).isNotEqualTo(snapshots(second));
    // main is the load's business, not publishing's
    assertThat(catalog.table(WarehouseTable.FACT_CLAIM).currentSnapshot().snapshotId())
        .isEqualTo(snapshots(second).get("fact_claim"));
  }

  @Test
  void publishingAnOlderReleaseAgainMovesTheTagsBack() {
    Release first = load(1);
    Release second = load(2);
    publisher.publish(second.id(), "alice");

    publisher.publish(first.id(), "bob");

    assertThat(releases.publishedId()).contains(first.id());
    assertThat(publishedTags()).isEqualTo(snapshots(first));
    assertThat(releases.catalog().publications())
        .extracting(Publication::releaseId, Publication::publishedBy)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(second.id(), "alice"),
            org.assertj.core.groups.Tuple.tuple(first.id(), "bob"));
  }

  @Test
  void publishingTheSameReleaseAgainAddsAPublicationAndLeavesTheTablesAlone() {
    Release first = load(1);
    publisher.publish(first.id(), "alice");
    Map<String, String> metadata = metadataLocations();

    publisher.publish(first.id(), "alice");

    assertThat(releases.publications()).hasSize(2);
    assertThat(metadataLocations()).isEqualTo(metadata);
    assertThat(publisher.tagPublished()).isEmpty();
  }

  @Test
  void theTagsOfAPublishStoppedAfterItsSwitchAreMovedByTagPublished() {
    Release first = load(1);
    Release second = load(2);
    publisher.publish(first.id(), "alice");
    // a publish killed after its switch: the publication is there, the tags are first's
    new ReleaseCommit(database).publish(second.id(), "alice");
    Table claims = catalog.table(WarehouseTable.FACT_CLAIM);
    claims.manageSnapshots().removeTag(Publisher.PUBLISHED_TAG).commit();

    List<String> moved = publisher.tagPublished();

    assertThat(moved).hasSize(WarehouseTable.values().length).contains("warehouse.fact_claim");
    assertThat(publishedTags()).isEqualTo(snapshots(second));
  }

  @Test
  void anUnknownReleaseIsRefusedAndNothingIsTagged() {
    load(1);

    assertThatThrownBy(() -> publisher.publish("20261205T230000000Z-cccccccc", "alice"))
        .isInstanceOf(UnknownReleaseException.class)
        .hasMessageContaining("20261205T230000000Z-cccccccc");
    assertThat(releases.publications()).isEmpty();
    assertThat(publishedTags()).containsOnlyKeys();
  }

  @Test
  void aTableThatCannotBeTaggedIsNamedAndTheReleaseIsPublishedAllTheSame() {
    Release first = load(1);
    Table payments = catalog.table(WarehouseTable.FACT_PAYMENT);
    payments
        .manageSnapshots()
        .createBranch(Publisher.PUBLISHED_TAG, payments.currentSnapshot().snapshotId())
        .commit();

    assertThatThrownBy(() -> publisher.publish(first.id(), "alice"))
        .isInstanceOf(ReleaseException.class)
        .hasMessageContaining("release " + first.id() + " is published")
        .hasMessageContaining("warehouse.fact_payment (it has a branch called published")
        .hasMessageNotContaining("warehouse.fact_claim");
    assertThat(releases.publishedId()).contains(first.id());
    assertThat(publishedTags().get("fact_claim")).isEqualTo(snapshots(first).get("fact_claim"));
  }

  @Test
  void aWarehouseWhoseCatalogAnotherProcessHasOpenPublishesToo() {
    Release first = load(1);
    // a publish in another process: its own catalog, opened on the existing warehouse
    try (WarehouseCatalog other = WarehouseCatalog.open(CatalogSettings.embedded(dir))) {
      other.table(WarehouseTable.FACT_CLAIM).refs();
      new Publisher(other, database).publish(first.id(), "alice");
    }

    // and this catalog, open all along, sees the tags
    assertThat(publishedTags()).isEqualTo(snapshots(first));
  }

  /** A load: one new snapshot per table (a stub file each), then its release. */
  private Release load(int n) {
    List<ReleaseTable> tables = new ArrayList<>();
    for (WarehouseTable contract : WarehouseTable.values()) {
      Table table = catalog.table(contract);
      String partition =
          table.spec().isPartitioned() ? "period_end=" + QUARTER_ENDS.get(n - 1) : "";
      table
          .newAppend()
          .appendFile(DataFileStubs.dataFile(table, partition, "load-" + n, 10L * n))
          .commit();
      tables.add(
          new ReleaseTable(
              "warehouse",
              contract.tableName(),
              table.currentSnapshot().snapshotId(),
              table.currentSnapshot().schemaId(),
              10L * n,
              n));
    }
    Optional<Release> parent = releases.currentRelease();
    Instant at = Instant.parse("2026-12-05T21:00:00Z").plusSeconds(3600L * n);
    String id = SnapshotStore.newSnapshotId(at, "abcdef0" + n);
    Release release =
        new Release(
            new ReleaseRecord(
                n,
                id,
                parent.map(Release::id),
                at,
                "reference-1",
                "digest-" + n,
                "{}",
                "{}",
                "PublisherTest"),
            tables);
    new ReleaseCommit(database).commit(release);
    return release;
  }

  private static Map<String, Long> snapshots(Release release) {
    Map<String, Long> snapshots = new LinkedHashMap<>();
    release.tables().forEach(table -> snapshots.put(table.name(), table.snapshotId()));
    return snapshots;
  }

  /** Each table's published tag's snapshot, for the tables that have one (not a branch). */
  private Map<String, Long> publishedTags() {
    Map<String, Long> tags = new LinkedHashMap<>();
    for (WarehouseTable contract : WarehouseTable.values()) {
      SnapshotRef ref = catalog.table(contract).refs().get(Publisher.PUBLISHED_TAG);
      if (ref != null && ref.isTag()) {
        tags.put(contract.tableName(), ref.snapshotId());
      }
    }
    return tags;
  }

  private Map<String, String> metadataLocations() {
    Map<String, String> locations = new LinkedHashMap<>();
    for (WarehouseTable contract : WarehouseTable.values()) {
      TableMetadata metadata =
          ((HasTableOperations) catalog.table(contract)).operations().current();
      locations.put(contract.tableName(), metadata.metadataFileLocation());
    }
    return locations;
  }
}
