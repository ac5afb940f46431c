package uk.gov.tfwh.warehouse.iceberg.lock;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogDatabase;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings;
import uk.gov.tfwh.warehouse.iceberg.testing.LocalPostgres;

/** The writer lock of a PostgreSQL catalog: the advisory lock, on a real server on loopback. */
class PostgresAdvisoryLockTest extends WriterLockContract {
  private final LocalPostgres postgres = LocalPostgres.shared();
  private String databaseName;

  @Override
  CatalogDatabase database() {
    return database(Map.of());
  }

  /** The test's database (made on first use), with these settings besides the connection's. */
  private CatalogDatabase database(Map<String, String> more) {
    if (databaseName == null) {
      databaseName = postgres.createDatabase("lock");
    }
    Map<String, String> properties =
        new HashMap<>(
            Map.of(
                CatalogSettings.URI,
                postgres.jdbcUrl(databaseName),
                CatalogSettings.USER,
                postgres.user(),
                CatalogSettings.PASSWORD_ENV,
                LockHolder.PASSWORD_VARIABLE));
    properties.putAll(more);
    return CatalogDatabase.of(
        CatalogSettings.of(properties, warehouse),
        Map.of(LockHolder.PASSWORD_VARIABLE, postgres.password()));
  }

  @Override
  WriterLock.Kind kind() {
    return WriterLock.Kind.POSTGRES;
  }

  @Override
  List<String> holderArguments() {
    return List.of(database().settings().uri(), postgres.user());
  }

  @Override
  void environment(ProcessBuilder builder) {
    builder.environment().put(LockHolder.PASSWORD_VARIABLE, postgres.password());
  }

  @Test
  void theHolderIsARowOfTheCatalogWhileTheLockIsHeldAndTheFileLockIsNotTaken() throws SQLException {
    try (WriterLock lock = WriterLocks.acquire(database(), warehouse, "load")) {
      assertThat(lock).isInstanceOf(PostgresAdvisoryLock.class);
      assertThat(writers()).containsExactly("tfwh " + lock.holder());
      assertThat(lock.holder()).matches("load \\(host .+, process [0-9]+, since .+Z\\)");
      assertThat(warehouse.resolve(".lock")).doesNotExist();
    }
    assertThat(writers()).isEmpty();
  }

  @Test
  void anotherCatalogInTheSameDatabaseHasALockOfItsOwn() {
    CatalogDatabase other = database(Map.of(CatalogSettings.NAME, "other"));
    try (WriterLock lock = WriterLocks.acquire(database(), warehouse, "load");
        WriterLock otherLock = WriterLocks.acquire(other, warehouse, "load")) {
      assertThat(otherLock.kind()).isEqualTo(WriterLock.Kind.POSTGRES);
    }
  }

  @Test
  void withNoLockEveryWriterGoesAheadOnTheReleaseGuardAlone() {
    CatalogDatabase unlocked = database(Map.of(CatalogSettings.LOCK, "none"));
    try (WriterLock one = WriterLocks.acquire(unlocked, warehouse, "load");
        WriterLock two = WriterLocks.acquire(unlocked, warehouse, "load")) {
      assertThat(one.kind()).isEqualTo(WriterLock.Kind.NONE);
      assertThat(two.holder()).contains("tfwh.lock=none");
    }
  }

  private List<String> writers() throws SQLException {
    try (Connection connection = database().connect();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT catalog_name, holder FROM tfwh_writer")) {
      List<String> writers = new ArrayList<>();
      while (rows.next()) {
        writers.add(rows.getString(1) + " " + rows.getString(2));
      }
      return writers;
    }
  }
}
