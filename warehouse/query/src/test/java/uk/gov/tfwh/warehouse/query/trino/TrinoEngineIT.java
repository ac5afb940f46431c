package uk.gov.tfwh.warehouse.query.trino;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.gov.tfwh.warehouse.query.QueryEngineConfig;
import uk.gov.tfwh.warehouse.query.SnapshotSelector;
import uk.gov.tfwh.warehouse.snapshot.SnapshotStore;
import uk.gov.tfwh.warehouse.testing.CatalogueCalls;
import uk.gov.tfwh.warehouse.testing.EngineComparison;
import uk.gov.tfwh.warehouse.testing.SnapshotFixture;

/**
 * Both engines give identical answers (values, order, types) for every catalogue query from the
 * same snapshot, against the JVM's real Trino ({@link SharedTrino}, started by
 * infra/trino/trino.sh).
 *
 * <p>The fixture snapshot is always used. Set {@code -Dtfwh.it.warehouse=DIR} to also compare the
 * current snapshot of a loaded warehouse (such as the seed-1 sample).
 */
class TrinoEngineIT {
  private static final String FIXTURE = "20260101T000000000Z-trinoit";

  private static SharedTrino trino;
  private static SnapshotStore store;
  private static QueryEngineConfig trinoConfig;

  @BeforeAll
  static void startTrino() throws Exception {
    assumeTrue(
        LocalTrino.javaHomeForTrino().isPresent(),
        "TrinoEngineIT skipped: Trino 476 needs a JDK 24 or newer and none was found in"
            + " TFWH_TRINO_JAVA_HOME, JAVA_HOME or /usr/lib/jvm");
    trino = SharedTrino.get();
    Path warehouse = trino.itDir().resolve("trino-warehouse");
    SharedTrino.deleteTree(warehouse);
    SharedTrino.deleteTree(trino.itDir().resolve("trino-warehouse-other"));
    store = new SnapshotStore(warehouse);
    SnapshotFixture.commit(store, FIXTURE, 0);
    store.publish(FIXTURE);
    trinoConfig = QueryEngineConfig.defaults().withTrino(trino.jdbcUrl());
  }

  @Test
  void everyCatalogueQueryGivesTheSameAnswerOnBothEngines() {
    new TrinoRegistrar(trinoConfig.trinoUrl(), "hive", "tfwh").register(store, FIXTURE);
    EngineComparison.assertSameAnswers(
        store,
        trinoConfig,
        SnapshotSelector.current(),
        CatalogueCalls.calls(),
        CatalogueCalls.calls().size() - 2);
  }

  @Test
  void theStableViewsFollowThePublishedPointerAndReadThePartitionedClaims() throws Exception {
    TrinoRegistrar registrar = new TrinoRegistrar(trinoConfig.trinoUrl(), "hive", "tfwh");
    registrar.register(store, FIXTURE);
    registrar.register(store, FIXTURE); // idempotent
    registrar.point("published", FIXTURE);

    Properties properties = new Properties();
    properties.setProperty("user", "tfwh");
    try (Connection connection = DriverManager.getConnection(trino.jdbcUrl(), properties);
        Statement statement = connection.createStatement()) {
      try (ResultSet info =
          statement.executeQuery("SELECT snapshot_id FROM hive.tfwh_published.snapshot_info")) {
        assertThat(info.next()).isTrue();
        assertThat(info.getString(1)).isEqualTo(FIXTURE);
      }
      try (ResultSet claims =
          statement.executeQuery(
              "SELECT period_end, count(*) FROM hive.tfwh_published.fact_claim"
                  + " GROUP BY period_end ORDER BY period_end")) {
        List<String> counts = new ArrayList<>();
        while (claims.next()) {
          counts.add(claims.getString(1) + "=" + claims.getLong(2));
        }
        assertThat(counts).containsExactly("2013-06-30=3", "2013-09-30=2");
      }
    }
    assertThat(registrar.isRegistered(FIXTURE)).isTrue();
    assertThat(registrar.isRegistered("20990101T000000000Z-none")).isFalse();
  }

  @Test
  void aRemovedSnapshotLeavesNoSchemaBehind() {
    String older = "20250101T000000000Z-older";
    SnapshotStore other = new SnapshotStore(store.root().resolveSibling("trino-warehouse-other"));
    SnapshotFixture.commit(other, older, 5);
    TrinoRegistrar registrar = new TrinoRegistrar(trinoConfig.trinoUrl(), "hive", "tfwh");
    registrar.register(other, older);
    assertThat(registrar.isRegistered(older)).isTrue();

    registrar.unregister(older);

    assertThat(registrar.isRegistered(older)).isFalse();
    assertThat(other.isCommitted(older)).isTrue();
  }
}
