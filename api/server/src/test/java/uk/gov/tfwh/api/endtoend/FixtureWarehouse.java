package uk.gov.tfwh.api.endtoend;

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
import uk.gov.tfwh.warehouse.testing.IcebergFixture;
import uk.gov.tfwh.warehouse.testing.SnapshotFixture;

/**
 * The warehouse the end-to-end tests serve, on the Iceberg store (the default of {@code ./tfwh
 * serve}, written by {@link IcebergFixture}): the warehouse's fixture snapshot twice, {@link
 * #PUBLISHED} (released to the public) and {@link #PRE_RELEASE} (loaded later, current, with every
 * turned-around figure raised by {@link #PRE_RELEASE_BUMP}, so a response shows which it read).
 * Built once per test JVM in a fresh temporary folder, with a users file holding a national user
 * ({@link #NATIONAL_TOKEN}) and Birmingham's coordinator ({@link #COORDINATOR_TOKEN}).
 */
final class FixtureWarehouse {
  static final String PUBLISHED = "20260101T000000000Z-b0";
  static final String PRE_RELEASE = "20260101T000000007Z-b7";
  static final int PRE_RELEASE_BUMP = 7;
  static final String NATIONAL_TOKEN = ApiTokens.newToken();
  static final String COORDINATOR_TOKEN = ApiTokens.newToken();

  private static Path root;

  private FixtureWarehouse() {}

  static synchronized Path root() {
    if (root == null) {
      try {
        Path dir = Files.createTempDirectory("tfwh-api-fixture");
        try (IcebergFixture fixture = IcebergFixture.open(dir)) {
          fixture.commit(PUBLISHED, 0);
          fixture.publish(PUBLISHED);
          fixture.commit(PRE_RELEASE, PRE_RELEASE_BUMP);
        }
        Instant now = Instant.now();
        new UsersFile(dir.resolve("users.tsv"))
            .write(
                List.of(
                    new ApiUser(
                        "national", Role.NATIONAL, null, ApiTokens.hash(NATIONAL_TOKEN), now),
                    new ApiUser(
                        "birmingham",
                        Role.COORDINATOR,
                        SnapshotFixture.BIRMINGHAM,
                        ApiTokens.hash(COORDINATOR_TOKEN),
                        now)));
        root = dir;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return root;
  }

  static Path users() {
    return root().resolve("users.tsv");
  }
}
