package uk.gov.tfwh.api.endtoend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import uk.gov.tfwh.warehouse.snapshot.SnapshotStore;
import uk.gov.tfwh.warehouse.testing.SnapshotFixture;

/**
 * The warehouse the end-to-end tests serve: the warehouse's fixture snapshot twice, {@link
 * #PUBLISHED} (released to the public) and {@link #PRE_RELEASE} (loaded later, current, with every
 * turned-around figure raised by {@link #PRE_RELEASE_BUMP}, so a response shows which it read).
 * Built once per test JVM in a fresh temporary folder.
 */
final class FixtureWarehouse {
  static final String PUBLISHED = "20260101T000000000Z-b0";
  static final String PRE_RELEASE = "20260101T000000007Z-b7";
  static final int PRE_RELEASE_BUMP = 7;

  private static Path root;

  private FixtureWarehouse() {}

  static synchronized Path root() {
    if (root == null) {
      try {
        Path dir = Files.createTempDirectory("tfwh-api-fixture");
        SnapshotStore store = new SnapshotStore(dir);
        SnapshotFixture.commit(store, PUBLISHED, 0);
        store.publish(PUBLISHED);
        SnapshotFixture.commit(store, PRE_RELEASE, PRE_RELEASE_BUMP);
        root = dir;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return root;
  }
}
