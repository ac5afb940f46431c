package uk.gov.tfwh.api.web.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import uk.gov.tfwh.api.access.Role;
import uk.gov.tfwh.api.user.ApiTokens;
import uk.gov.tfwh.api.user.ApiUser;
import uk.gov.tfwh.api.user.UsersFile;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings;
import uk.gov.tfwh.warehouse.sample.SampleWarehouse;
import uk.gov.tfwh.warehouse.testing.IcebergFixture;
import uk.gov.tfwh.warehouse.testing.SnapshotFixture;

/**
 * The warehouse the dashboard is served from in the browser tests, a private one on the Iceberg
 * store (the default of {@code ./tfwh serve}): its published release is the seed-1 sample's ({@link
 * BorrowedRelease}: the sample's data files, never written to) when the generator that builds it is
 * part of the project, and the hand-made {@link SnapshotFixture} otherwise. On top of the published
 * figures it commits one more release that is not published ({@link IcebergFixture}), so signed-in
 * users see pre-release figures; and a users file with a national user and Hartlepool's
 * coordinator.
 */
final class DashboardWarehouse {
  static final String CODE = SnapshotFixture.HARTLEPOOL;
  static final String PRE_RELEASE_ID = "pre-release-fixture";

  final Path root;
  final Path users;
  final boolean seed1;
  final String nationalToken = ApiTokens.newToken();
  final String coordinatorToken = ApiTokens.newToken();
  final String ministerToken = ApiTokens.newToken();

  private DashboardWarehouse(Path root, Path users, boolean seed1) {
    this.root = root;
    this.users = users;
    this.seed1 = seed1;
  }

  static DashboardWarehouse create() {
    try {
      Path dir = Files.createTempDirectory("tfwh-dashboard-");
      Path root = Files.createDirectories(dir.resolve("warehouse"));
      Path sample = seed1Sample();
      boolean seed1 = sample != null;
      try (IcebergFixture fixture = IcebergFixture.open(root)) {
        if (seed1) {
          BorrowedRelease.commit(CatalogSettings.embedded(sample), fixture);
        } else {
          fixture.commit("published-fixture", 0);
          fixture.publish("published-fixture");
        }
        fixture.commit(PRE_RELEASE_ID, 7);
      }
      DashboardWarehouse warehouse = new DashboardWarehouse(root, dir.resolve("users.tsv"), seed1);
      warehouse.writeUsers();
      return warehouse;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The seed-1 sample, or null for the fixture: when {@code -Dtfwh.dashboard.sample=fixture} asks
   * for it, when the project has no generator yet, or when the sample cannot be built (the
   * generator's and loader's own tests say why; these tests are about the pages, and say on stderr
   * which warehouse they use).
   */
  private static Path seed1Sample() {
    String root = System.getProperty("tfwh.root.dir");
    boolean generator =
        root != null
            && Files.exists(
                Path.of(
                    root,
                    "etl/generator/src/main/java/uk/gov/tfwh/generator/GenerateCommand.java"));
    if (!generator || "fixture".equals(System.getProperty("tfwh.dashboard.sample"))) {
      System.err.println("dashboard browser tests: serving the SnapshotFixture warehouse");
      return null;
    }
    try {
      Path sample = SampleWarehouse.seed1();
      System.err.println("dashboard browser tests: serving the seed-1 sample " + sample);
      return sample;
    } catch (RuntimeException e) {
      System.err.println(
          "dashboard browser tests: the seed-1 sample could not be built ("
              + e.getMessage()
              + "); serving the SnapshotFixture warehouse instead");
      return null;
    }
  }

  private void writeUsers() {
    Instant now = Instant.now();
    new UsersFile(users)
        .write(
            List.of(
                new ApiUser("nat", Role.NATIONAL, null, ApiTokens.hash(nationalToken), now),
                new ApiUser("coord", Role.COORDINATOR, CODE, ApiTokens.hash(coordinatorToken), now),
                new ApiUser("min", Role.MINISTERIAL, null, ApiTokens.hash(ministerToken), now)));
  }
}
