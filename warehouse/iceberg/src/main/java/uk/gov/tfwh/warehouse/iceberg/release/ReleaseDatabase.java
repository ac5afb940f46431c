package uk.gov.tfwh.warehouse.iceberg.release;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogDatabase;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings;

/**
 * The catalog database as the release tables use it: one connection per operation, either in
 * autocommit mode for one read statement, or for one transaction (autocommit off: {@code BEGIN
 * IMMEDIATE} on SQLite, READ COMMITTED on PostgreSQL) that is committed when the work returns and
 * rolled back when it throws.
 */
final class ReleaseDatabase {

  /** Work on an open connection. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private final CatalogDatabase database;

  ReleaseDatabase(CatalogDatabase database) {
    this.database = requireNonNull(database, "database");
  }

  String catalogName() {
    return database.catalogName();
  }

  CatalogDatabase database() {
    return database;
  }

  /** Runs work on a connection of its own in autocommit mode; {@code what} names it in errors. */
  <T> T read(String what, Work<T> work) {
    try (Connection connection = database.connect()) {
      return work.run(connection);
    } catch (SQLException e) {
      throw failed(what, e);
    }
  }

  /** Runs work in one transaction on a connection of its own. */
  <T> T transaction(String what, Work<T> work) {
    try (Connection connection = database.connect()) {
      connection.setAutoCommit(false);
      if (database.database() == CatalogSettings.Database.POSTGRESQL) {
        connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      }
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        rollback(connection, e);
        throw e;
      }
    } catch (SQLException e) {
      throw failed(what, e);
    }
  }

  /** A statement with the catalog's name bound to its first parameter. */
  PreparedStatement prepare(Connection connection, String sql) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    statement.setString(1, database.catalogName());
    return statement;
  }

  ReleaseException failed(String what, SQLException e) {
    return new ReleaseException("cannot " + what + " in " + database + ": " + e.getMessage(), e);
  }

  private static void rollback(Connection connection, Exception failure) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }
}
