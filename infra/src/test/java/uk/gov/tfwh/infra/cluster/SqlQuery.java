package uk.gov.tfwh.infra.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * A JDBC client run on a host of the private network (the test's own JVM is outside it): runs each
 * SQL argument in turn and prints its rows tab-separated, each row as {@code row <n>\t<values>}
 * where {@code <n>} numbers the statements from 0. For Trino it first prints {@code query
 * <n>\t<id>}. Usage: {@code SqlQuery <jdbc url> <user> <sql>...}; a password comes from {@code
 * TFWH_SQL_PASSWORD}.
 */
public final class SqlQuery {
  private SqlQuery() {}

  public static void main(String[] args) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", args[1]);
    String password = System.getenv("TFWH_SQL_PASSWORD");
    if (password != null) {
      properties.setProperty("password", password);
    }
    try (Connection connection = DriverManager.getConnection(args[0], properties);
        Statement statement = connection.createStatement()) {
      for (int n = 2; n < args.length; n++) {
        try (ResultSet rows = statement.executeQuery(args[n])) {
          if (rows.isWrapperFor(io.trino.jdbc.TrinoResultSet.class)) {
            System.out.println(
                "query "
                    + (n - 2)
                    + "\t"
                    + rows.unwrap(io.trino.jdbc.TrinoResultSet.class).getQueryId());
          }
          int columns = rows.getMetaData().getColumnCount();
          while (rows.next()) {
            List<String> values = new ArrayList<>();
            for (int column = 1; column <= columns; column++) {
              values.add(String.valueOf(rows.getObject(column)));
            }
            System.out.println("row " + (n - 2) + "\t" + String.join("\t", values));
          }
        }
      }
    }
  }
}
