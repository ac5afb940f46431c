package uk.gov.tfwh.warehouse.iceberg.lock;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogDatabase;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseCatalog;
import uk.gov.tfwh.warehouse.iceberg.release.SqlFile;

/**
 * The writer lock for a PostgreSQL catalog: {@code pg_try_advisory_lock} on a connection of its own
 * that stays open while the lock is held, plus a {@code tfwh_writer} row naming the holder (host,
 * process, purpose, since). PostgreSQL releases an advisory lock when its session ends, and a
 * killed process's socket closes, so a killed writer never leaves the warehouse locked; unlike the
 * file lock it keeps out writers on other hosts too.
 */
public final class PostgresAdvisoryLock implements WriterLock {
  private static final SqlFile SQL =
      SqlFile.load("/uk/gov/tfwh/warehouse/iceberg/lock/advisory-lock.sql");

  private final CatalogDatabase database;
  private final Connection connection;
  private final String holder;
  private boolean closed;

  private PostgresAdvisoryLock(CatalogDatabase database, Connection connection, String holder) {
    this.database = database;
    this.connection = connection;
    this.holder = holder;
  }

  /**
   * Takes the catalog's advisory lock, or throws {@link WriterBusyException} at once naming the
   * holder. Makes or upgrades the release tables (which hold {@code tfwh_writer}) under the lock.
   *
   * @param purpose what the holder does ("load", "publish")
   */
  public static PostgresAdvisoryLock acquire(CatalogDatabase database, String purpose) {
    return acquire(database, purpose, Clock.systemUTC());
  }

  static PostgresAdvisoryLock acquire(CatalogDatabase database, String purpose, Clock clock) {
    requireNonNull(database, "database");
    Holder.requirePurpose(purpose);
    if (database.database() != CatalogSettings.Database.POSTGRESQL) {
      throw new IllegalArgumentException(
          "the advisory lock needs a PostgreSQL catalog, not " + database);
    }
    Connection connection = connect(database);
    try {
      if (!tryLock(connection, database.catalogName())) {
        String holder = awaitHolder(connection, database.catalogName()).orElse("another writer");
        throw new WriterBusyException(database.catalogName(), holder);
      }
      new ReleaseCatalog(database).migrate();
      Instant since = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
      String holder = Holder.describe(purpose, since);
      try (PreparedStatement write = connection.prepareStatement(SQL.statement("write-holder"))) {
        write.setString(1, database.catalogName());
        write.setString(2, holder);
        write.setString(3, since.toString());
        write.executeUpdate();
      }
      return new PostgresAdvisoryLock(database, connection, holder);
    } catch (SQLException | RuntimeException e) {
      // closing the session releases the lock if it was taken
      closeQuietly(connection, e);
      if (e instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new WriterLockException(
          "cannot take the writer lock of " + database + ": " + e.getMessage(), e);
    }
  }

  private static Connection connect(CatalogDatabase database) {
    try {
      return database.connect();
    } catch (SQLException e) {
      throw new WriterLockException(
          "cannot connect to " + database + " for the writer lock: " + e.getMessage(), e);
    }
  }

  private static boolean tryLock(Connection connection, String catalogName) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(SQL.statement("try-lock"))) {
      query.setString(1, catalogName);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getBoolean(1);
      }
    }
  }

  /**
   * The holder the row names. The holder takes the lock before it makes the release tables and
   * writes its row, so a writer refused in between finds none (two loads started together did): it
   * reads again for up to two seconds before it gives up naming the holder.
   */
  private static Optional<String> awaitHolder(Connection connection, String catalogName) {
    for (int attempt = 0; attempt < 40; attempt++) {
      Optional<String> holder = readHolder(connection, catalogName);
      if (holder.isPresent()) {
        return holder;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return Optional.empty();
  }

  /** The holder the row names; none before the release tables have it, or between holders. */
  private static Optional<String> readHolder(Connection connection, String catalogName) {
    try (PreparedStatement query = connection.prepareStatement(SQL.statement("read-holder"))) {
      query.setString(1, catalogName);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      return Optional.empty();
    }
  }

  @Override
  public Kind kind() {
    return Kind.POSTGRES;
  }

  @Override
  public String holder() {
    return holder;
  }

  /**
   * Whether the lock's session is still open (false once closed, or when the server dropped it).
   */
  public synchronized boolean isHeld() {
    try {
      return !closed && connection.isValid(5);
    } catch (SQLException e) {
      return false;
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try (connection) {
      try (PreparedStatement delete = connection.prepareStatement(SQL.statement("delete-holder"))) {
        delete.setString(1, database.catalogName());
        delete.setString(2, holder);
        delete.executeUpdate();
      }
      try (PreparedStatement unlock = connection.prepareStatement(SQL.statement("unlock"))) {
        unlock.setString(1, database.catalogName());
        unlock.executeQuery().close();
      }
    } catch (SQLException e) {
      // Closing the session (above, whatever happened) releases the lock; only the row may stay,
      // and the next holder overwrites it.
    }
  }

  private static void closeQuietly(Connection connection, Exception failure) {
    try {
      connection.close();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }
}
