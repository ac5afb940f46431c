package uk.gov.tfwh.warehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import uk.gov.tfwh.warehouse.iceberg.release.Release;
import uk.gov.tfwh.warehouse.query.trino.LocalTrino;
import uk.gov.tfwh.warehouse.query.trino.SharedTrino;
import uk.gov.tfwh.warehouse.testing.IcebergFixture;
import uk.gov.tfwh.warehouse.testing.SnapshotFixture;

/**
 * {@code ./tfwh publish --trino URL} on the Iceberg store, against the JVM's real Trino ({@link
 * SharedTrino}, shared with {@code TrinoIcebergIT}) and its PostgreSQL catalog {@code tfwh_pg}:
 * after a publish, {@code tfwh_pg.published.<table>} answers the published release's rows and
 * {@code tfwh_pg.current.<table>} the current one's, and the next publish switches them.
 */
class PublishTrinoIT {
  // Ids of their own: the catalog is shared with TrinoIcebergIT, which commits its own releases.
  private static final String FIRST = "20260201T000000000Z-pubtrino1";
  private static final String SECOND = "20260201T000001000Z-pubtrino2";
  private static final String KENT =
      " WHERE phase = 1 AND period_end = DATE '"
          + SnapshotFixture.Q2
          + "' AND authority_code = '"
          + SnapshotFixture.KENT
          + "'";

  private static SharedTrino trino;
  private static Release first;
  private static Release second;

  @BeforeAll
  static void commitTwoReleases() {
    assumeTrue(
        LocalTrino.javaHomeForTrino().isPresent(),
        "PublishTrinoIT skipped: Trino 476 needs a JDK 24 or newer and none was found");
    trino = SharedTrino.get();
    IcebergFixture postgres = trino.postgres();
    first = postgres.commit(FIRST, 3000);
    second = postgres.commit(SECOND, 4000);
  }

  @Test
  void publishWithTrinoPointsThePublishedAndCurrentViewsAtTheirReleases() throws SQLException {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int code = publish(out, err, "--snapshot", FIRST);

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString().split("\\R"))
        .containsExactly(
            "published " + FIRST,
            "trino: published is " + FIRST + " (views tfwh_pg.published)",
            "trino: current is " + SECOND + " (views tfwh_pg.current)");
    assertThat(rows("SELECT snapshot_id FROM tfwh_pg.published.snapshot_info"))
        .containsExactly(FIRST);
    assertThat(rows("SELECT turned_around FROM tfwh_pg.published.agg_authority_quarter" + KENT))
        .containsExactly("3512");
    assertThat(rows("SELECT count(*) FROM tfwh_pg.published.fact_claim"))
        .containsExactly(
            Long.toString(first.table("warehouse", "fact_claim").orElseThrow().rowCount()));
    assertThat(rows("SELECT turned_around FROM tfwh_pg.current.agg_authority_quarter" + KENT))
        .containsExactly("4512");

    assertThat(publish(new StringWriter(), err, "--current")).as(err.toString()).isZero();

    assertThat(rows("SELECT snapshot_id FROM tfwh_pg.published.snapshot_info"))
        .containsExactly(SECOND);
    assertThat(rows("SELECT turned_around FROM tfwh_pg.published.agg_authority_quarter" + KENT))
        .containsExactly("4512");
    assertThat(second.id()).isEqualTo(SECOND);
  }

  private static int publish(StringWriter out, StringWriter err, String... what) {
    Path settings = trino.postgresCatalogFile();
    List<String> args = new ArrayList<>();
    args.addAll(
        List.of(
            "--warehouse",
            settings.getParent().toString(),
            "--catalog",
            settings.toString(),
            "--trino",
            trino.jdbcUrl()));
    args.addAll(List.of(what));
    CommandLine line =
        PublishCommand.commandLine(
            new PublishCommand(Optional.empty(), trino.postgresEnvironment()));
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(err, true));
    return line.execute(args.toArray(String[]::new));
  }

  private static List<String> rows(String sql) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", "tfwh");
    List<String> rows = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(trino.jdbcUrl(), properties);
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      while (result.next()) {
        rows.add(result.getString(1));
      }
    }
    return rows;
  }
}
