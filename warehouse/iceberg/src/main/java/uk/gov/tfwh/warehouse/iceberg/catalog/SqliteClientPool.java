package uk.gov.tfwh.warehouse.iceberg.catalog;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.rowset.CachedRowSet;
import javax.sql.rowset.RowSetProvider;
import org.apache.iceberg.jdbc.JdbcClientPool;

/**
 * Iceberg's JDBC connection pool for a SQLite catalog, with one repair. When Iceberg's JDBC catalog
 * opens on a database that has its tables already, it asks the database's metadata whether {@code
 * iceberg_tables} has the views column and leaves that result set open (Iceberg 1.10.1, {@code
 * JdbcCatalog.updateSchemaIfRequired}). On SQLite an open result set is an open read transaction:
 * the connection goes on reading the database as it was when the catalog opened, so it never sees
 * another process's commits (a new release's table metadata), and its own next commit after another
 * connection has written fails with {@code SQLITE_BUSY_SNAPSHOT}. Here every metadata result set is
 * read whole and closed before it is handed over.
 */
final class SqliteClientPool extends JdbcClientPool {

  SqliteClientPool(Map<String, String> properties) {
    super(properties.get("uri"), properties);
  }

  @Override
  protected Connection newClient() {
    Connection connection = super.newClient();
    return proxy(Connection.class, connection, (method, result) -> wrapMetadata(method, result));
  }

  private static Object wrapMetadata(Method method, Object result) {
    if (result instanceof DatabaseMetaData metadata) {
      return proxy(DatabaseMetaData.class, metadata, SqliteClientPool::detached);
    }
    return result;
  }

  /** A metadata result set, read whole into memory and closed. */
  private static Object detached(Method method, Object result) throws SQLException {
    if (!(result instanceof ResultSet rows)) {
      return result;
    }
    try (rows) {
      CachedRowSet copy = RowSetProvider.newFactory().createCachedRowSet();
      copy.populate(rows);
      return copy;
    }
  }

  @FunctionalInterface
  private interface ResultMapping {
    Object map(Method method, Object result) throws SQLException;
  }

  private static <T> T proxy(Class<T> type, T target, ResultMapping mapping) {
    InvocationHandler handler =
        (proxy, method, args) -> {
          Object result;
          try {
            result = method.invoke(target, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
          return mapping.map(method, result);
        };
    return type.cast(
        Proxy.newProxyInstance(
            SqliteClientPool.class.getClassLoader(), new Class<?>[] {type}, handler));
  }
}
