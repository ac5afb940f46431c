package uk.gov.tfwh.warehouse.iceberg.release;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogDatabase;

/**
 * Writes the release tables: a release is committed by one transaction (docs/design/iceberg.md,
 * section 5.3) that checks its parent is still the newest release, inserts the release and one row
 * per table, and commits. Release numbers are the primary key and always the parent's + 1, so of
 * two writers on one parent exactly one commits, even without the writer lock: the other gets a
 * {@link ReleaseConflictException} and nothing of its release is written.
 */
public final class ReleaseCommit {
  private static final SqlFile COMMIT = SqlFile.load("commit.sql");
  private static final SqlFile PUBLISH = SqlFile.load("publish.sql");
  private static final SqlFile RETENTION = SqlFile.load("retention.sql");
  private static final int PUBLISH_ATTEMPTS = 3;

  private final ReleaseDatabase database;

  public ReleaseCommit(CatalogDatabase database) {
    this.database = new ReleaseDatabase(database);
  }

  /**
   * Commits a release built on release {@code seq - 1} (none for release 1), with its tables, in
   * one transaction.
   *
   * @throws ReleaseConflictException when the newest release is no longer the release's parent
   *     (another load committed first): nothing was written
   * @throws ReleaseException when the release's id is taken or the database fails: nothing was
   *     written
   */
  public void commit(Release release) {
    ReleaseRecord record = release.record();
    String what = "commit release " + record.seq() + " (" + record.id() + ")";
    try {
      database.transaction(what, connection -> insert(connection, release));
    } catch (ReleaseException e) {
      if (e instanceof ReleaseConflictException) {
        throw e;
      }
      // A racing writer inserted the same release number after this one checked the parent
      // (PostgreSQL: a unique violation once the other commits). Tell that from a plain failure by
      // what is there now.
      Head now = newest();
      if (!now.isParentOf(record)) {
        ReleaseConflictException conflict = new ReleaseConflictException(record, now.seq, now.id);
        conflict.initCause(e);
        throw conflict;
      }
      throw e;
    }
  }

  private Void insert(Connection connection, Release release) throws SQLException {
    ReleaseRecord record = release.record();
    Head newest = newest(connection);
    if (!newest.isParentOf(record)) {
      throw new ReleaseConflictException(record, newest.seq, newest.id);
    }
    Optional<Long> taken = releaseSeq(connection, record.id());
    if (taken.isPresent()) {
      throw new ReleaseException(
          "release "
              + record.id()
              + " was not committed: the catalog "
              + database.catalogName()
              + " has a release of that id already, release "
              + taken.get());
    }
    try (PreparedStatement insert =
        database.prepare(connection, COMMIT.statement("insert-release"))) {
      insert.setLong(2, record.seq());
      insert.setString(3, record.id());
      insert.setString(4, record.parentId().orElse(null));
      insert.setString(5, record.createdAt().toString());
      insert.setString(6, record.referenceVersion());
      insert.setString(7, record.inputsDigest());
      insert.setString(8, record.manifest().stored());
      insert.setString(9, record.loadReport().stored());
      insert.setString(10, record.writtenBy());
      insert.executeUpdate();
    }
    try (PreparedStatement insert =
        database.prepare(connection, COMMIT.statement("insert-table"))) {
      for (ReleaseTable table : release.tables()) {
        insert.setLong(2, record.seq());
        insert.setString(3, table.namespace());
        insert.setString(4, table.name());
        insert.setLong(5, table.snapshotId());
        insert.setInt(6, table.schemaId());
        insert.setLong(7, table.rowCount());
        insert.setInt(8, table.fileCount());
        insert.addBatch();
      }
      insert.executeBatch();
    }
    return null;
  }

  /**
   * Publishes a committed release: inserts a publication numbered the newest one's + 1, in one
   * transaction; the newest publication's release is the published release. A publication that
   * races another for the same number is tried again on the new newest.
   *
   * @throws UnknownReleaseException when there is no release of this id: nothing was written
   */
  public Publication publish(String releaseId, String by) {
    return publish(releaseId, by, Instant.now());
  }

  /**
   * Publishes a committed release as {@link #publish(String, String)} does, recording the
   * publication at a time of the caller's: {@code ./tfwh migrate} keeps the folder store's
   * publication times.
   */
  public Publication publish(String releaseId, String by, Instant at) {
    requireNonNull(at, "at");
    ReleaseRecord.requireId("releaseId", releaseId);
    ReleaseRecord.requireText("by", by, ReleaseRecord.NAME_TEXT);
    for (int attempt = 1; ; attempt++) {
      long[] numbered = new long[1];
      try {
        return database.transaction(
            "publish release " + releaseId,
            connection -> {
              long releaseSeq =
                  releaseSeq(connection, releaseId)
                      .orElseThrow(
                          () -> new UnknownReleaseException(database.catalogName(), releaseId));
              numbered[0] = newestPublication(connection) + 1;
              Publication publication = new Publication(numbered[0], releaseSeq, releaseId, at, by);
              insert(connection, publication);
              return publication;
            });
      } catch (ReleaseException e) {
        boolean raced =
            !(e instanceof UnknownReleaseException)
                && numbered[0] > 0
                && newestPublication() >= numbered[0];
        if (attempt == PUBLISH_ATTEMPTS || !raced) {
          throw e;
        }
      }
    }
  }

  /**
   * Deletes these releases and their tables, all in one transaction (retention, section 5.8); a
   * release already gone is skipped. Refuses, deleting nothing, when one of them is the current
   * release or has ever been published: those are always kept.
   *
   * @return how many releases were deleted
   */
  public int delete(List<ReleaseOutline> releases) {
    if (releases.isEmpty()) {
      return 0;
    }
    return database.transaction(
        "delete " + releases.size() + " release(s)",
        connection -> {
          int deleted = 0;
          for (ReleaseOutline release : releases) {
            refuseKept(connection, release);
            try (PreparedStatement tables =
                database.prepare(connection, RETENTION.statement("delete-tables"))) {
              tables.setLong(2, release.seq());
              tables.executeUpdate();
            }
            try (PreparedStatement row =
                database.prepare(connection, RETENTION.statement("delete-release"))) {
              row.setLong(2, release.seq());
              row.setString(3, release.id());
              deleted += row.executeUpdate();
            }
          }
          return deleted;
        });
  }

  private void refuseKept(Connection connection, ReleaseOutline release) throws SQLException {
    try (PreparedStatement current =
        database.prepare(connection, RETENTION.statement("is-current"))) {
      current.setLong(2, release.seq());
      current.setString(3, database.catalogName());
      if (count(current) > 0) {
        throw new ReleaseException(
            "release " + release.seq() + " (" + release.id() + ") is current: it is always kept");
      }
    }
    try (PreparedStatement published =
        database.prepare(connection, RETENTION.statement("publications-of"))) {
      published.setLong(2, release.seq());
      if (count(published) > 0) {
        throw new ReleaseException(
            "release "
                + release.seq()
                + " ("
                + release.id()
                + ") has been published: it is always kept");
      }
    }
  }

  private static long count(PreparedStatement query) throws SQLException {
    try (ResultSet rows = query.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private void insert(Connection connection, Publication publication) throws SQLException {
    try (PreparedStatement insert =
        database.prepare(connection, PUBLISH.statement("insert-publication"))) {
      insert.setLong(2, publication.seq());
      insert.setLong(3, publication.releaseSeq());
      insert.setString(4, publication.publishedAt().toString());
      insert.setString(5, publication.publishedBy());
      insert.executeUpdate();
    }
  }

  /** The newest release's number and id: (0, none) before the first. */
  private record Head(long seq, Optional<String> id) {
    boolean isParentOf(ReleaseRecord record) {
      return seq == record.parentSeq() && id.equals(record.parentId());
    }
  }

  private Head newest() {
    return database.read("read the newest release", this::newest);
  }

  private Head newest(Connection connection) throws SQLException {
    try (PreparedStatement query =
            database.prepare(connection, COMMIT.statement("newest-release"));
        ResultSet rows = query.executeQuery()) {
      return rows.next()
          ? new Head(rows.getLong(1), Optional.of(rows.getString(2)))
          : new Head(0, Optional.empty());
    }
  }

  private Optional<Long> releaseSeq(Connection connection, String releaseId) throws SQLException {
    try (PreparedStatement query =
        database.prepare(connection, COMMIT.statement("release-of-id"))) {
      query.setString(2, releaseId);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next() ? Optional.of(rows.getLong(1)) : Optional.empty();
      }
    }
  }

  private long newestPublication() {
    return database.read("read the newest publication", this::newestPublication);
  }

  private long newestPublication(Connection connection) throws SQLException {
    try (PreparedStatement query =
            database.prepare(connection, PUBLISH.statement("newest-publication"));
        ResultSet rows = query.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
