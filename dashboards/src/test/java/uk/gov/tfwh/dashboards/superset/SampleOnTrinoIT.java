package uk.gov.tfwh.dashboards.superset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.gov.tfwh.warehouse.query.QueryEngineConfig;
import uk.gov.tfwh.warehouse.query.SnapshotSelector;
import uk.gov.tfwh.warehouse.query.trino.LocalTrino;
import uk.gov.tfwh.warehouse.query.trino.TrinoRegistrar;
import uk.gov.tfwh.warehouse.sample.SampleWarehouse;
import uk.gov.tfwh.warehouse.snapshot.SnapshotStore;
import uk.gov.tfwh.warehouse.testing.CatalogueCalls;
import uk.gov.tfwh.warehouse.testing.EngineComparison;

/**
 * The loaded seed-1 sample on a real Trino (started once by infra/trino/trino.sh, registered by the
 * same code as {@code ./tfwh publish --trino}): every catalogue query the API runs gives the
 * embedded engine's answer, and every Superset dataset and chart query runs on Trino and returns
 * exactly the rows it returns on the embedded engine over the same published snapshot.
 */
class SampleOnTrinoIT {
  private static LocalTrino trino;
  private static SnapshotStore sample;
  private static String published;
  private static Connection viaTrino;
  private static Connection viaDuckdb;
  private final SupersetBundle bundle = SupersetBundle.read(SupersetBundle.sourceFolder());

  @BeforeAll
  static void registerTheSampleInTrino() throws Exception {
    assumeTrue(
        LocalTrino.javaHomeForTrino().isPresent(),
        "Trino 476 needs a JDK 24 or newer and none was found");
    // The Hive connector reads snapshot folders: the sample's folder-store build, until the
    // dashboards read the Iceberg store's tfwh.published views (docs/design/iceberg.md, slice 6).
    sample = new SnapshotStore(SampleWarehouse.seed1Folder());
    published = sample.publishedId().orElseThrow();
    Path root = Path.of(System.getProperty("tfwh.root.dir")).toAbsolutePath().normalize();
    Path data = Path.of(System.getProperty("tfwh.it.dir", "target/it")).toAbsolutePath();
    deleteTree(data.resolve("trino"));
    trino = LocalTrino.start(root, data.resolve("trino"));
    TrinoRegistrar registrar = new TrinoRegistrar(trino.jdbcUrl(), "hive", "tfwh");
    registrar.register(sample, published);
    registrar.point("published", published);

    Properties user = new Properties();
    user.setProperty("user", "superset");
    viaTrino = DriverManager.getConnection(trino.jdbcUrl() + "/hive", user);
    viaDuckdb = DriverManager.getConnection("jdbc:duckdb:");
    PublishedViews.create(viaDuckdb, sample.snapshotDir(published));
  }

  @AfterAll
  static void stopTrino() throws Exception {
    if (viaTrino != null) {
      viaTrino.close();
      viaDuckdb.close();
    }
    if (trino != null) {
      trino.close();
    }
  }

  @Test
  void everyCatalogueQueryGivesTheSameAnswerOnBothEnginesOverTheSample() {
    EngineComparison.assertSameAnswers(
        sample,
        QueryEngineConfig.defaults().withTrino(trino.jdbcUrl()),
        SnapshotSelector.published(),
        CatalogueCalls.calls(),
        CatalogueCalls.calls().size() - 2);
  }

  @Test
  void everySupersetDatasetReturnsTheSameRowsOnTrinoAsOnTheEmbeddedEngine() throws Exception {
    for (BundleFile dataset : bundle.datasets()) {
      QueryResult onTrino = DatasetQueries.dataset(viaTrino, dataset);
      QueryResult onDuckdb = DatasetQueries.dataset(viaDuckdb, dataset);

      assertThat(onTrino.columns()).as(dataset.path()).isEqualTo(onDuckdb.columns());
      assertThat(onTrino.rows()).as(dataset.path() + " rows").isNotEmpty();
      assertThat(normalised(onTrino))
          .as(dataset.path())
          .containsExactlyInAnyOrderElementsOf(normalised(onDuckdb));
    }
  }

  @Test
  void everySupersetChartQueryRunsOnTrinoAndReturnsRows() throws Exception {
    for (BundleFile chart : bundle.charts()) {
      BundleFile dataset = bundle.dataset(chart.uuid("dataset_uuid")).orElseThrow();
      assertThat(DatasetQueries.chart(viaTrino, chart, dataset).rows())
          .as(chart.path())
          .isNotEmpty();
    }
  }

  /** Rows as text, so the drivers' Java types for the same SQL type compare equal. */
  private static List<List<String>> normalised(QueryResult result) {
    List<List<String>> rows = new ArrayList<>();
    for (List<Object> row : result.rows()) {
      rows.add(row.stream().map(SampleOnTrinoIT::text).toList());
    }
    return rows;
  }

  private static String text(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof java.math.BigDecimal decimal) {
      return decimal.stripTrailingZeros().toPlainString();
    }
    if (value instanceof Double || value instanceof Float) {
      return new java.math.BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
    }
    if (value instanceof java.sql.Timestamp timestamp) {
      return timestamp.toLocalDateTime().toString();
    }
    return value.toString();
  }

  private static void deleteTree(Path dir) throws Exception {
    if (Files.exists(dir)) {
      try (Stream<Path> paths = Files.walk(dir)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
  }
}
