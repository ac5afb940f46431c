package uk.gov.tfwh.warehouse.query.trino;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseCatalog;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseOutline;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseTable;

/**
 * Views for people and Superset querying Trino directly: {@code <catalog>.published.<table>} reads
 * the published release and {@code <catalog>.current.<table>} the current one, each view pinned to
 * its release's snapshot of the table ({@code FOR VERSION AS OF <snapshot id>}), with a view {@code
 * snapshot_info} naming the release. Trino keeps them as Iceberg views in the same catalog.
 *
 * <p>The views are {@code SECURITY DEFINER}: a user allowed to read {@code published} needs no
 * right on {@code warehouse}, where any {@code FOR VERSION AS OF} reaches pre-release data. Each
 * view switches atomically; the set does not ({@code snapshot_info} is replaced last). The API does
 * not use them: it pins every query itself ({@link PinnedSql}).
 */
public final class TrinoViews {
  /** The schema of the views over the published release. */
  public static final String PUBLISHED = "published";

  /** The schema of the views over the current (latest, possibly pre-release) release. */
  public static final String CURRENT = "current";

  /** The view naming the release the schema's views read. */
  public static final String SNAPSHOT_INFO = "snapshot_info";

  private final String url;
  private final String user;
  private final CatalogSettings settings;

  /**
   * @param url Trino's JDBC URL, without catalog or schema
   * @param user a Trino user allowed to create schemas and views in the warehouse's catalog
   * @param settings the warehouse's catalog settings (Trino serves them as catalog {@code name})
   */
  public TrinoViews(String url, String user, CatalogSettings settings) {
    this.url = requireNonNull(url, "url");
    this.user = requireNonNull(user, "user");
    this.settings = requireNonNull(settings, "settings");
  }

  /**
   * Points {@code published} and {@code current} at the releases the release tables name now: what
   * publishing (and a load) calls once it has moved a pointer.
   */
  public void update(ReleaseCatalog releases) {
    releases.publishedOutline().ifPresent(release -> point(PUBLISHED, release));
    releases.currentOutline().ifPresent(release -> point(CURRENT, release));
  }

  /** Creates or replaces the schema's views so they read this release. */
  public void point(String schema, ReleaseOutline release) {
    Properties properties = new Properties();
    properties.setProperty("user", user);
    try (Connection connection = DriverManager.getConnection(url, properties);
        Statement statement = connection.createStatement()) {
      for (String sql : statements(schema, release)) {
        statement.execute(sql);
      }
    } catch (SQLException e) {
      throw new TrinoException(
          "cannot point "
              + catalog()
              + "."
              + schema
              + " at release "
              + release.id()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /** The statements {@link #point} runs, in order. */
  List<String> statements(String schema, ReleaseOutline release) {
    if (!schema.equals(PUBLISHED) && !schema.equals(CURRENT)) {
      throw new IllegalArgumentException("views go in published or current, not " + schema);
    }
    String views = catalog() + ".\"" + schema + "\"";
    List<String> statements = new ArrayList<>();
    statements.add("CREATE SCHEMA IF NOT EXISTS " + views);
    for (ReleaseTable table : release.tables()) {
      if (table.namespace().equals(settings.namespace())) {
        statements.add(
            "CREATE OR REPLACE VIEW "
                + views
                + "."
                + table.name()
                + " SECURITY DEFINER AS SELECT * FROM "
                + catalog()
                + "."
                + settings.namespace()
                + "."
                + table.name()
                + " FOR VERSION AS OF "
                + table.snapshotId());
      }
    }
    // A release id is letters, digits, '-' and '_' (ReleaseRecord), so it is inlined as it is.
    statements.add(
        "CREATE OR REPLACE VIEW "
            + views
            + "."
            + SNAPSHOT_INFO
            + " SECURITY DEFINER AS SELECT CAST('"
            + release.id()
            + "' AS VARCHAR) AS snapshot_id, BIGINT '"
            + release.seq()
            + "' AS release_seq");
    return statements;
  }

  private String catalog() {
    return new TrinoCatalogProperties(settings).catalogName();
  }
}
