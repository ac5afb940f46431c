package uk.gov.tfwh.warehouse.iceberg.lock;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogDatabase;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings;
import uk.gov.tfwh.warehouse.iceberg.catalog.LocalFileIO;
import uk.gov.tfwh.warehouse.iceberg.catalog.WarehouseCatalog;
import uk.gov.tfwh.warehouse.iceberg.release.SqlFile;

/**
 * A writer writes only a catalog whose tables are under its own warehouse location. Iceberg keeps
 * absolute locations, so a warehouse folder copied or moved elsewhere still names the original's
 * table files: a load into the copy would add files to the original's tables, and its expiry and
 * orphan sweep would delete files the original's releases still read (and the original's sweep the
 * copy's), with each folder's file lock guarding only itself.
 *
 * <p>One folder has many names, though: a symbolic link to the warehouse or on its path, a bind
 * mount, {@code file:///p} for {@code file:/p}. A writer that reaches the tables' own folder by
 * another name writes the very files the catalog names, so a local table is home when its location
 * is under the warehouse location by its text or by the folders themselves (the same file system
 * object), and elsewhere only when neither holds.
 */
public final class TableLocations {
  private static final SqlFile SQL =
      SqlFile.load("/uk/gov/tfwh/warehouse/iceberg/lock/table-locations.sql");

  private TableLocations() {}

  /** A table of the catalog whose metadata is not under the warehouse location. */
  public record Elsewhere(String table, String metadataLocation) {
    public Elsewhere {
      requireNonNull(table, "table");
      requireNonNull(metadataLocation, "metadataLocation");
    }
  }

  /**
   * The tables of the warehouse's namespaces whose metadata is outside the settings' warehouse
   * location; none for a catalog that has no tables yet.
   */
  public static List<Elsewhere> elsewhere(CatalogDatabase database) {
    CatalogSettings settings = database.settings();
    Home home = new Home(settings);
    List<Elsewhere> elsewhere = new ArrayList<>();
    if (settings.sqliteFile().map(file -> !Files.exists(file)).orElse(false)) {
      return elsewhere; // a new warehouse: the file lock touches no database, and neither does this
    }
    try (Connection connection = database.connect()) {
      if (!hasIcebergTables(connection)) {
        return elsewhere;
      }
      try (PreparedStatement query =
          connection.prepareStatement(SQL.statement("table-locations"))) {
        query.setString(1, settings.name());
        query.setString(2, settings.namespace());
        query.setString(3, WarehouseCatalog.STATE_NAMESPACE);
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            String location = rows.getString("metadata_location");
            if (location != null && !home.holds(location)) {
              elsewhere.add(
                  new Elsewhere(
                      rows.getString("table_namespace") + "." + rows.getString("table_name"),
                      location));
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new WriterLockException(
          "cannot read where the tables of " + database + " are: " + e.getMessage(), e);
    }
    return elsewhere;
  }

  /**
   * Refuses to write a catalog any of whose tables are outside the warehouse location.
   *
   * @throws TablesElsewhereException naming the first such table and what to do
   */
  public static void requireHome(CatalogDatabase database) {
    List<Elsewhere> elsewhere = elsewhere(database);
    if (!elsewhere.isEmpty()) {
      throw new TablesElsewhereException(
          database
              + " "
              + describe(elsewhere, database.settings().warehouse())
              + ", and its tables are still at the original's path. Nothing was written; writing"
              + " here would change and delete the files there. Move the folder back, or write the"
              + " original rather than its copy, or load the landing into a new warehouse folder.");
    }
  }

  /**
   * What a catalog with tables elsewhere names, for a message: {@code names 13 table(s) outside
   * this warehouse (W), such as T at L: the warehouse folder was copied or moved}.
   *
   * @param elsewhere not empty
   */
  public static String describe(List<Elsewhere> elsewhere, String warehouse) {
    Elsewhere first = elsewhere.get(0);
    return "names "
        + elsewhere.size()
        + " table(s) outside this warehouse ("
        + warehouse
        + "), such as "
        + first.table()
        + " at "
        + first.metadataLocation()
        + ": the warehouse folder was copied or moved";
  }

  /** The warehouse location, and which table locations are inside it. */
  private static final class Home {
    private final String prefix;
    private final Optional<Path> folder;
    // Tables share their parent folders: each folder is compared with the warehouse's once.
    private final Map<Path, Boolean> sameAsHome = new HashMap<>();

    Home(CatalogSettings settings) {
      this.prefix = settings.warehouse() + "/";
      this.folder = settings.onObjectStorage() ? Optional.empty() : local(settings.warehouse());
    }

    private static Optional<Path> local(String location) {
      try {
        return Optional.of(LocalFileIO.path(location).normalize());
      } catch (IllegalArgumentException e) {
        return Optional.empty(); // not a location on this machine: compared by its text only
      }
    }

    boolean holds(String location) {
      return location.startsWith(prefix) || folder.map(home -> under(location, home)).orElse(false);
    }

    private boolean under(String location, Path home) {
      Optional<Path> path = local(location);
      if (path.isEmpty()) {
        return false;
      }
      for (Path parent = path.get().getParent(); parent != null; parent = parent.getParent()) {
        if (sameAsHome.computeIfAbsent(parent, p -> sameFolder(p, home))) {
          return true;
        }
      }
      return false;
    }

    private static boolean sameFolder(Path a, Path b) {
      try {
        return Files.isSameFile(a, b);
      } catch (IOException e) {
        return false; // a folder that is not there (the original of a moved warehouse) is not home
      }
    }
  }

  private static boolean hasIcebergTables(Connection connection) throws SQLException {
    try (ResultSet tables =
        connection.getMetaData().getTables(null, null, "iceberg_tables", new String[] {"TABLE"})) {
      return tables.next();
    }
  }
}
