package uk.gov.tfwh.warehouse.iceberg.release;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogDatabase;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings;

/**
 * A writer process for the race of two processes on PostgreSQL: it reads the current release,
 * prints {@code READY}, waits until a start file exists, then commits a release on that parent and
 * prints {@code RELEASED <seq>} (exit 0) or {@code CONFLICT <message>} (exit 3). The password is
 * read from {@value #PASSWORD_VARIABLE} in its environment.
 *
 * <p>Arguments: the catalog URI, the user, the writer's name, the start file.
 */
public final class RaceWriter {
  static final String PASSWORD_VARIABLE = "TFWH_TEST_CATALOG_PASSWORD";
  static final int CONFLICT = 3;

  private RaceWriter() {}

  public static void main(String[] args) throws Exception {
    Path start = Path.of(args[3]);
    CatalogSettings settings =
        CatalogSettings.of(
            Map.of(
                CatalogSettings.URI, args[0],
                CatalogSettings.USER, args[1],
                CatalogSettings.PASSWORD_ENV, PASSWORD_VARIABLE),
            start.getParent());
    CatalogDatabase database = CatalogDatabase.of(settings);
    Release release =
        new ReleaseCatalog(database)
            .current()
            .map(parent -> ReleaseFixtures.child(parent, args[2]))
            .orElseGet(() -> ReleaseFixtures.first(args[2]));
    ReleaseCommit commit = new ReleaseCommit(database);
    System.out.println("READY");
    System.out.flush();
    while (!Files.exists(start)) {
      Thread.sleep(1);
    }
    try {
      commit.commit(release);
      System.out.println("RELEASED " + release.seq() + " " + release.id());
    } catch (ReleaseConflictException e) {
      System.out.println("CONFLICT " + e.getMessage());
      System.out.flush();
      System.exit(CONFLICT);
    }
  }
}
