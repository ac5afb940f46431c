package uk.gov.tfwh.warehouse.iceberg.release;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogDatabase;

/**
 * The release tables in the catalog database (docs/design/iceberg.md, section 5.3): which releases
 * exist, which Iceberg snapshot of each table a release reads, and which release is published.
 * {@link #migrate()} creates them; every read is one statement, so it sees one committed state and
 * never a release without its tables or with another state's publication. {@link ReleaseCommit}
 * writes them.
 */
public final class ReleaseCatalog {

  /** The release tables' component in {@code tfwh_schema_version}. */
  public static final String COMPONENT = "release-tables";

  /**
   * The version of the release tables this code makes and reads: 1 has the releases and
   * publications, 2 adds {@code tfwh_writer} (the writer lock's holder), 3 packs a new release's
   * manifest and report ({@link ReleaseText}; the tables are unchanged, but a tfwh of version 2
   * cannot read a packed row, so it must refuse the catalog rather than fail on its first read).
   */
  public static final int VERSION = 3;

  private static final SqlFile SCHEMA_VERSION = SqlFile.load("schema-version.sql");
  private static final SqlFile TABLES_V1 = SqlFile.load("release-tables-v1.sql");
  private static final SqlFile TABLES_V2 = SqlFile.load("release-tables-v2.sql");
  private static final SqlFile TABLES_V3 = SqlFile.load("release-tables-v3.sql");
  private static final SqlFile READ = SqlFile.load("read.sql");
  private static final int MIGRATE_ATTEMPTS = 3;

  private final ReleaseDatabase database;

  public ReleaseCatalog(CatalogDatabase database) {
    this.database = new ReleaseDatabase(database);
  }

  /** The catalog database the release tables are in. */
  CatalogDatabase database() {
    return database.database();
  }

  /**
   * Creates the release tables where they are missing, or upgrades those of an older version, in
   * one transaction; returns whether it created or upgraded them (false: they were there already,
   * of this version). Refuses a database whose release tables are of a newer version than this
   * code's. Two processes migrating a new database at once both succeed.
   */
  public boolean migrate() {
    for (int attempt = 1; ; attempt++) {
      try {
        return database.transaction("create the release tables", this::migrate);
      } catch (ReleaseException e) {
        if (attempt == MIGRATE_ATTEMPTS || !(e.getCause() instanceof SQLException)) {
          throw e;
        }
        // PostgreSQL: another process created the same tables first; they are there now
      }
    }
  }

  private boolean migrate(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(SCHEMA_VERSION.statement("create"));
    }
    int version = version(connection);
    if (version > VERSION) {
      throw new ReleaseException(
          "the release tables in "
              + database.database()
              + " are version "
              + version
              + ", newer than this tfwh's version "
              + VERSION
              + ": use a newer tfwh");
    }
    if (version == VERSION) {
      return false;
    }
    try (Statement statement = connection.createStatement()) {
      // each version's file only adds to the one before, so an old catalog runs the files it lacks
      for (SqlFile file : List.of(TABLES_V1, TABLES_V2, TABLES_V3).subList(version, VERSION)) {
        for (String create : file.statements()) {
          statement.execute(create);
        }
      }
    }
    try (PreparedStatement write =
        connection.prepareStatement(SCHEMA_VERSION.statement(version == 0 ? "insert" : "update"))) {
      write.setString(version == 0 ? 1 : 2, COMPONENT);
      write.setInt(version == 0 ? 2 : 1, VERSION);
      write.executeUpdate();
    }
    return true;
  }

  private static int version(Connection connection) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(SCHEMA_VERSION.statement("version"))) {
      query.setString(1, COMPONENT);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next() ? rows.getInt(1) : 0;
      }
    }
  }

  /** The newest release with its tables (possibly not published yet); empty before the first. */
  public Optional<Release> current() {
    return release("read the current release", "choose-current", Optional.empty());
  }

  /**
   * The newest release's outline and manifest, without its load report: what a load builds on;
   * empty before the first release.
   */
  public Optional<ParentRelease> currentParent() {
    return chosen(
        "read the current release's manifest",
        "choose-current",
        Optional.empty(),
        "manifest-with-tables",
        rows -> {
          long seq = 0;
          String id = null;
          String manifestJson = null;
          List<ReleaseTable> tables = new ArrayList<>();
          while (rows.next()) {
            if (rows.getInt("part") == 0) {
              seq = rows.getLong("release_seq");
              id = rows.getString("release_id");
              manifestJson = ReleaseText.stored(rows.getString("manifest_json")).json();
            } else {
              table(rows).ifPresent(tables::add);
            }
          }
          if (id == null) {
            return Optional.<ParentRelease>empty();
          }
          return Optional.of(new ParentRelease(outline(seq, id, tables), manifestJson));
        });
  }

  /**
   * The newest release's outline (number, id, tables) without its manifest and report: what a query
   * is pinned to, on every query Trino serves; empty before the first release.
   */
  public Optional<ReleaseOutline> currentOutline() {
    return outline("read the current release's tables", "choose-current", Optional.empty());
  }

  /** The outline of the release of this id. */
  public Optional<ReleaseOutline> outlineById(String id) {
    ReleaseRecord.requireId("id", id);
    return outline("read release " + id + "'s tables", "choose-by-id", Optional.of(id));
  }

  /** The release of the newest publication with its tables; empty before the first publication. */
  public Optional<Release> published() {
    return release("read the published release", "choose-published", Optional.empty());
  }

  /** The release of this id with its tables. */
  public Optional<Release> byId(String id) {
    ReleaseRecord.requireId("id", id);
    return release("read release " + id, "choose-by-id", Optional.of(id));
  }

  /** Every release's outline (number, id, tables), oldest first, in one statement. */
  public List<ReleaseOutline> outlines() {
    return every("read every release's tables", "outlines", this::outlines);
  }

  /** The outline of the newest publication's release; empty before the first publication. */
  public Optional<ReleaseOutline> publishedOutline() {
    return outline("read the published release's tables", "choose-published", Optional.empty());
  }

  private Optional<ReleaseOutline> outline(String what, String choice, Optional<String> id) {
    return chosen(what, choice, id, "outline", rows -> outlines(rows).stream().findFirst());
  }

  private List<ReleaseOutline> outlines(ResultSet rows) throws SQLException {
    List<ReleaseOutline> outlines = new ArrayList<>();
    long seq = 0;
    String id = null;
    List<ReleaseTable> tables = new ArrayList<>();
    while (rows.next()) {
      long rowSeq = rows.getLong("release_seq");
      if (id == null || seq != rowSeq) {
        if (id != null) {
          outlines.add(outline(seq, id, tables));
        }
        seq = rowSeq;
        id = rows.getString("release_id");
        tables = new ArrayList<>();
      }
      table(rows).ifPresent(tables::add);
    }
    if (id != null) {
      outlines.add(outline(seq, id, tables));
    }
    return outlines;
  }

  private ReleaseOutline outline(long seq, String id, List<ReleaseTable> tables) {
    if (tables.isEmpty()) {
      throw noTables(seq, id);
    }
    return new ReleaseOutline(seq, id, tables);
  }

  /** Every release, oldest first, without its tables. */
  public List<ReleaseRecord> list() {
    return every("list the releases", "list", rows -> eachRow(rows, ReleaseCatalog::record));
  }

  /** Every release's number, id and manifest, oldest first, without its load report. */
  public List<ReleaseManifest> manifests() {
    return every(
        "list the releases' manifests",
        "manifests",
        rows ->
            eachRow(
                rows,
                row ->
                    new ReleaseManifest(
                        row.getLong("release_seq"),
                        row.getString("release_id"),
                        ReleaseText.stored(row.getString("manifest_json")).json())));
  }

  /** Every publication, oldest first (a release published twice appears twice). */
  public List<Publication> publications() {
    return every(
        "list the publications",
        "publications",
        rows ->
            eachRow(
                rows,
                row ->
                    new Publication(
                        row.getLong("publication_seq"),
                        row.getLong("release_seq"),
                        row.getString("release_id"),
                        Instant.parse(row.getString("published_at")),
                        row.getString("published_by"))));
  }

  /** The newest release's and the newest publication's numbers, in one cheap statement. */
  public ChangeToken changeToken() {
    return database.read(
        "read the change token",
        connection -> {
          try (PreparedStatement query =
              database.prepare(connection, READ.statement("change-token"))) {
            query.setString(2, database.catalogName());
            try (ResultSet rows = query.executeQuery()) {
              rows.next();
              return new ChangeToken(rows.getLong(1), rows.getLong(2));
            }
          }
        });
  }

  /** A release with its tables, in one statement ({@link #chosen}). */
  private Optional<Release> release(String what, String choice, Optional<String> id) {
    return chosen(what, choice, id, "release-with-tables", this::release);
  }

  /** What a statement's rows make, or what one row makes. */
  private interface RowsReader<T> {
    T read(ResultSet rows) throws SQLException;
  }

  /** One statement of read.sql over the whole catalog (its one parameter, the catalog's name). */
  private <T> T every(String what, String statement, RowsReader<T> reader) {
    return database.read(
        what,
        connection -> {
          try (PreparedStatement query = database.prepare(connection, READ.statement(statement));
              ResultSet rows = query.executeQuery()) {
            return reader.read(rows);
          }
        });
  }

  /** What each of the rows makes, in order. */
  private static <T> List<T> eachRow(ResultSet rows, RowsReader<T> row) throws SQLException {
    List<T> made = new ArrayList<>();
    while (rows.next()) {
      made.add(row.read(rows));
    }
    return made;
  }

  /**
   * One statement: a choice of release (a {@code WITH} clause of read.sql) followed by a statement
   * about the chosen release.
   *
   * @param id the choice's second parameter, for the choice by id
   */
  private <T> T chosen(
      String what, String choice, Optional<String> id, String statement, RowsReader<T> reader) {
    String sql = READ.statement(choice) + "\n" + READ.statement(statement);
    return database.read(
        what,
        connection -> {
          try (PreparedStatement query = database.prepare(connection, sql)) {
            if (id.isPresent()) {
              query.setString(2, id.get());
            }
            try (ResultSet rows = query.executeQuery()) {
              return reader.read(rows);
            }
          }
        });
  }

  /** The release's row (part 0) and then its tables' rows (part 1). */
  private Optional<Release> release(ResultSet rows) throws SQLException {
    ReleaseRecord record = null;
    List<ReleaseTable> tables = new ArrayList<>();
    while (rows.next()) {
      if (rows.getInt("part") == 0) {
        record = record(rows);
      } else {
        table(rows).ifPresent(tables::add);
      }
    }
    if (record == null) {
      return Optional.empty();
    }
    return Optional.of(release(record, tables));
  }

  /** The table of a row of a release joined with its tables; empty for a release without any. */
  private static Optional<ReleaseTable> table(ResultSet rows) throws SQLException {
    String namespace = rows.getString("table_namespace");
    if (namespace == null) {
      return Optional.empty();
    }
    return Optional.of(
        new ReleaseTable(
            namespace,
            rows.getString("table_name"),
            rows.getLong("snapshot_id"),
            rows.getInt("schema_id"),
            rows.getLong("row_count"),
            rows.getInt("file_count")));
  }

  private Release release(ReleaseRecord record, List<ReleaseTable> tables) {
    if (tables.isEmpty()) {
      throw noTables(record.seq(), record.id());
    }
    return new Release(record, tables);
  }

  private ReleaseException noTables(long seq, String id) {
    return new ReleaseException(
        "release "
            + seq
            + " ("
            + id
            + ") in "
            + database.database()
            + " names no table: the release tables are damaged");
  }

  private static ReleaseRecord record(ResultSet rows) throws SQLException {
    return new ReleaseRecord(
        rows.getLong("release_seq"),
        rows.getString("release_id"),
        Optional.ofNullable(rows.getString("parent_release_id")),
        Instant.parse(rows.getString("created_at")),
        rows.getString("reference_version"),
        rows.getString("inputs_digest"),
        ReleaseText.stored(rows.getString("manifest_json")),
        ReleaseText.stored(rows.getString("load_report_json")),
        rows.getString("written_by"));
  }
}
