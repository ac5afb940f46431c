package uk.gov.tfwh.dashboards.superset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogDatabase;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings;
import uk.gov.tfwh.warehouse.iceberg.catalog.WarehouseCatalog;
import uk.gov.tfwh.warehouse.iceberg.files.ReleaseFiles;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseCatalog;
import uk.gov.tfwh.warehouse.query.QueryEngineConfig;
import uk.gov.tfwh.warehouse.query.SnapshotSelector;
import uk.gov.tfwh.warehouse.query.WarehouseQueries;
import uk.gov.tfwh.warehouse.query.embedded.EmbeddedQueries;
import uk.gov.tfwh.warehouse.query.trino.LocalTrino;
import uk.gov.tfwh.warehouse.query.trino.TrinoQueries;
import uk.gov.tfwh.warehouse.query.trino.TrinoViews;
import uk.gov.tfwh.warehouse.sample.SampleWarehouse;
import uk.gov.tfwh.warehouse.testing.CatalogueCalls;
import uk.gov.tfwh.warehouse.testing.EngineComparison;

/**
 * The loaded seed-1 sample on the Iceberg store, on a real Trino serving its catalog (started once
 * by infra/trino/trino.sh {@code --warehouse}, its {@code published} views kept by the same code as
 * {@code ./tfwh publish --trino}): every catalogue query the API runs gives the embedded engine's
 * answer, and every Superset dataset and chart query runs on Trino as Superset's user and returns
 * exactly the rows it returns on the embedded engine over the same published release.
 *
 * <p>The sample is shared and never written: Trino serves a copy of its catalog database (the
 * tables' metadata and files stay the sample's, by absolute location), and the views go into the
 * copy.
 */
class SampleOnTrinoIT {
  private static LocalTrino trino;
  private static WarehouseCatalog catalog;
  private static ReleaseCatalog releases;
  private static ReleaseFiles published;
  private static Connection viaTrino;
  private static Connection viaDuckdb;
  private final SupersetBundle bundle = SupersetBundle.read(SupersetBundle.sourceFolder());

  @BeforeAll
  static void serveTheSampleOnTrino() throws Exception {
    assumeTrue(
        LocalTrino.javaHomeForTrino().isPresent(),
        "Trino 476 needs a JDK 24 or newer and none was found");
    Path sample = SampleWarehouse.seed1();
    Path root = Path.of(System.getProperty("tfwh.root.dir")).toAbsolutePath().normalize();
    Path data = Path.of(System.getProperty("tfwh.it.dir", "target/it")).toAbsolutePath();
    Path warehouse = data.resolve("sample-iceberg");
    deleteTree(data.resolve("trino"));
    deleteTree(warehouse);
    Files.createDirectories(warehouse);
    for (String file : List.of("", "-wal", "-shm")) {
      Path catalogFile = sample.resolve(CatalogSettings.SQLITE_FILE + file);
      if (Files.exists(catalogFile)) {
        Files.copy(catalogFile, warehouse.resolve(catalogFile.getFileName()));
      }
    }
    CatalogSettings settings = CatalogSettings.embedded(warehouse);
    catalog = WarehouseCatalog.open(settings);
    releases = new ReleaseCatalog(CatalogDatabase.of(settings));
    published = ReleaseFiles.plan(catalog, releases.published().orElseThrow());

    trino =
        LocalTrino.start(root, data.resolve("trino"), Optional.of(warehouse), List.of(), Map.of());
    new TrinoViews(trino.jdbcUrl(), "tfwh", settings).update(releases);

    Properties user = new Properties();
    user.setProperty("user", "superset");
    viaTrino = DriverManager.getConnection(trino.jdbcUrl() + "/tfwh", user);
    viaDuckdb = DriverManager.getConnection("jdbc:duckdb:");
    PublishedViews.create(viaDuckdb, published);
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
    if (catalog != null) {
      catalog.close();
    }
  }

  @Test
  void everyCatalogueQueryGivesTheSameAnswerOnBothEnginesOverTheSample() {
    QueryEngineConfig onTrino = QueryEngineConfig.defaults().withTrino(trino.jdbcUrl());
    try (WarehouseQueries embedded =
            EmbeddedQueries.overIceberg(catalog, releases, QueryEngineConfig.defaults());
        WarehouseQueries viaTrinoEngine =
            TrinoQueries.overIceberg(releases, catalog.settings(), onTrino)) {
      EngineComparison.assertSameAnswers(
          embedded,
          viaTrinoEngine,
          SnapshotSelector.published(),
          CatalogueCalls.calls(),
          CatalogueCalls.calls().size() - 2);
    }
  }

  @Test
  void supersetsUserReadsOnlyThePublishedViewsOfThePublishedRelease() throws Exception {
    assertThat(
            DatasetQueries.run(viaTrino, "SELECT snapshot_id FROM published.snapshot_info", "info")
                .rows())
        .containsExactly(List.of(published.releaseId()));
    // Trino's access control (infra/trino/etc/rules.json): the pre-release is not Superset's.
    for (String schema : List.of("warehouse", "current")) {
      assertThatThrownBy(
              () -> DatasetQueries.run(viaTrino, "SELECT * FROM " + schema + ".dim_period", schema))
          .as(schema)
          .hasMessageContaining("Access Denied");
    }
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
