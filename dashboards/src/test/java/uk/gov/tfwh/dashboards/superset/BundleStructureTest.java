package uk.gov.tfwh.dashboards.superset;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/** The bundle against the structure and cross-references Superset's v1 dashboard importer needs. */
class BundleStructureTest {
  private static final Pattern TABLE_REFERENCE = Pattern.compile("(?<![\\w.])published\\.(\\w+)");

  private final SupersetBundle bundle = SupersetBundle.read(SupersetBundle.sourceFolder());

  @Test
  void metadataDeclaresAVersion1DashboardExport() {
    BundleFile metadata = bundle.metadata();

    assertThat(metadata.string("version")).isEqualTo(ImportV1Format.VERSION);
    // The importer compares the type with the model class name of the command that runs.
    assertThat(metadata.string("type")).isEqualTo("Dashboard");
    // Superset's importer parses the timestamp; a bundle made later than now was made wrongly.
    assertThat(OffsetDateTime.parse(metadata.string("timestamp")))
        .isBefore(OffsetDateTime.now().plusMinutes(1));
    assertThat(problems(metadata, ImportV1Format.METADATA)).isEmpty();
  }

  @Test
  void theBundleHoldsOneTrinoDatabaseAndTheThreeDashboards() {
    assertThat(bundle.databases()).hasSize(1);
    assertThat(bundle.databases().get(0).string("sqlalchemy_uri"))
        .isEqualTo("trino://superset@TRINO_HOST:8080/tfwh");
    assertThat(bundle.dashboards())
        .extracting(dashboard -> dashboard.string("dashboard_title"))
        .containsExactlyInAnyOrder(
            "League table", "Authority benchmarking", "Payments and data quality");
  }

  @Test
  void everyFileHasTheRequiredKeysAndNoKeyTheImporterWouldReject() {
    List<String> problems = new ArrayList<>();
    bundle.databases().forEach(file -> problems.addAll(problems(file, ImportV1Format.DATABASE)));
    bundle.charts().forEach(file -> problems.addAll(problems(file, ImportV1Format.CHART)));
    bundle.dashboards().forEach(file -> problems.addAll(problems(file, ImportV1Format.DASHBOARD)));
    for (BundleFile dataset : bundle.datasets()) {
      problems.addAll(problems(dataset, ImportV1Format.DATASET));
      for (Map<String, Object> column : dataset.list("columns")) {
        problems.addAll(problems(dataset.path(), column, ImportV1Format.DATASET_COLUMN));
      }
      for (Map<String, Object> metric : dataset.list("metrics")) {
        problems.addAll(problems(dataset.path(), metric, ImportV1Format.DATASET_METRIC));
      }
    }
    for (BundleFile file : bundle.all()) {
      if (!file.path().equals("metadata.yaml")) {
        assertThat(file.string("version")).as(file.path()).isEqualTo(ImportV1Format.VERSION);
      }
    }

    assertThat(problems).isEmpty();
  }

  @Test
  void uuidsAreWellFormedUniqueAndDerivedFromTheObjectsName() {
    Map<UUID, String> seen = new HashMap<>();
    for (BundleFile file : bundle.all()) {
      if (file.path().equals("metadata.yaml")) {
        continue;
      }
      UUID uuid = file.uuid();
      assertThat(file.string("uuid")).as(file.path()).isEqualTo(uuid.toString());
      assertThat(seen.put(uuid, file.path())).as("uuid of " + file.path()).isNull();
      String kind = file.path().substring(0, file.path().indexOf('/') - 1);
      assertThat(uuid).as(file.path()).isEqualTo(StableUuid.of(kind, file.stem()));
    }
  }

  @Test
  void everyDatasetIsAVirtualDatasetOfTheDatabaseOverThePublishedViews() {
    UUID database = bundle.databases().get(0).uuid();
    Set<String> warehouseTables =
        Arrays.stream(WarehouseTable.values())
            .map(WarehouseTable::tableName)
            .collect(Collectors.toSet());

    for (BundleFile dataset : bundle.datasets()) {
      assertThat(dataset.uuid("database_uuid")).as(dataset.path()).isEqualTo(database);
      assertThat(dataset.path())
          .isEqualTo(
              "datasets/" + bundle.databases().get(0).stem() + "/" + dataset.stem() + ".yaml");
      assertThat(dataset.stem()).isEqualTo(dataset.string("table_name"));
      assertThat(dataset.string("schema")).isEqualTo("published");
      String sql = dataset.string("sql");
      // The other schemas of the catalog reach pre-release data; Trino refuses them to Superset.
      assertThat(sql)
          .as(dataset.path())
          .doesNotContainPattern("(?<![\\w.])(warehouse|current|tfwh_published)\\.");
      // Superset wraps the SQL as a subquery, so no trailing semicolon; templating is off by
      // default.
      assertThat(sql.strip()).as(dataset.path()).doesNotEndWith(";").doesNotContain("{{", "{%");
      Matcher tables = TABLE_REFERENCE.matcher(sql);
      int references = 0;
      while (tables.find()) {
        references++;
        assertThat(warehouseTables).as(dataset.path()).contains(tables.group(1));
      }
      assertThat(references).as(dataset.path()).isPositive();

      Map<String, Map<String, Object>> columns = columnsByName(dataset);
      assertThat(columns).hasSameSizeAs(dataset.list("columns"));
      columns.forEach(
          (name, column) ->
              assertThat(column.get("type")).as(dataset.path() + " " + name).isNotNull());
      Map<String, Object> timeColumn = columns.get(dataset.string("main_dttm_col"));
      assertThat(timeColumn).as(dataset.path() + " main_dttm_col").isNotNull();
      assertThat(timeColumn.get("is_dttm")).isEqualTo(true);
    }
  }

  @Test
  void everyChartUsesAKnownVizTypeOnAnExistingDatasetWithItsColumnsAndMetrics() {
    for (BundleFile chart : bundle.charts()) {
      BundleFile dataset = bundle.dataset(chart.uuid("dataset_uuid")).orElse(null);
      assertThat(dataset).as(chart.path() + " dataset_uuid").isNotNull();
      assertThat(ImportV1Format.VIZ_TYPES).as(chart.path()).contains(chart.string("viz_type"));
      Map<String, Object> params = chart.map("params");
      assertThat(params.get("viz_type")).as(chart.path()).isEqualTo(chart.string("viz_type"));

      ChartQuery query = ChartQuery.of(chart);
      assertThat(columnsByName(dataset).keySet())
          .as(chart.path() + " columns")
          .containsAll(query.columnsUsed());
      assertThat(metricNames(dataset)).as(chart.path() + " metrics").containsAll(query.metrics());
      assertThat(query.columnsUsed().size() + query.metrics().size())
          .as(chart.path() + " shows something")
          .isPositive();
    }
  }

  @Test
  void everyDashboardLayoutIsAWellFormedTreeOfExistingCharts() {
    for (BundleFile dashboard : bundle.dashboards()) {
      DashboardLayout layout = new DashboardLayout(dashboard.path(), dashboard.map("position"));

      assertThat(layout.problems()).isEmpty();
      assertThat(layout.charts()).as(dashboard.path()).isNotEmpty();
      assertThat(layout.charts().stream().map(DashboardLayout.ChartComponent::chartId))
          .as(dashboard.path() + " chartIds")
          .doesNotHaveDuplicates();
      for (DashboardLayout.ChartComponent component : layout.charts()) {
        BundleFile chart = bundle.chart(component.chartUuid()).orElse(null);
        assertThat(chart).as(dashboard.path() + " " + component.id()).isNotNull();
        Map<?, ?> meta =
            (Map<?, ?>) ((Map<?, ?>) dashboard.map("position").get(component.id())).get("meta");
        assertThat(meta.get("sliceName")).isEqualTo(chart.string("slice_name"));
      }
    }
  }

  @Test
  void everyChartIsOnADashboardAndEveryDatasetFeedsAChart() {
    // The dashboard importer takes only the charts the layouts reference, and only their datasets.
    Set<UUID> placed = new HashSet<>();
    for (BundleFile dashboard : bundle.dashboards()) {
      new DashboardLayout(dashboard.path(), dashboard.map("position"))
          .charts()
          .forEach(component -> placed.add(component.chartUuid()));
    }
    Set<UUID> used =
        bundle.charts().stream()
            .map(chart -> chart.uuid("dataset_uuid"))
            .collect(Collectors.toSet());

    assertThat(placed)
        .containsExactlyInAnyOrderElementsOf(
            bundle.charts().stream().map(BundleFile::uuid).toList());
    assertThat(used)
        .containsExactlyInAnyOrderElementsOf(
            bundle.datasets().stream().map(BundleFile::uuid).toList());
  }

  @Test
  void nativeFiltersTargetExistingColumnsAndApplyToEveryChartInTheirScope() {
    for (BundleFile dashboard : bundle.dashboards()) {
      DashboardLayout layout = new DashboardLayout(dashboard.path(), dashboard.map("position"));
      Map<Integer, BundleFile> chartsById = new HashMap<>();
      layout
          .charts()
          .forEach(c -> chartsById.put(c.chartId(), bundle.chart(c.chartUuid()).orElseThrow()));
      List<Map<String, Object>> filters = nativeFilters(dashboard);
      Set<Object> filterIds = filters.stream().map(f -> f.get("id")).collect(Collectors.toSet());
      assertThat(filterIds).as(dashboard.path() + " filter ids").hasSameSizeAs(filters);
      assertThat(filters).as(dashboard.path() + " filters").isNotEmpty();

      for (Map<String, Object> filter : filters) {
        String where = dashboard.path() + " filter " + filter.get("name");
        assertThat(filter.get("type")).as(where).isEqualTo("NATIVE_FILTER");
        assertThat(filter.get("filterType")).as(where).isEqualTo("filter_select");
        assertThat((String) filter.get("id")).as(where).startsWith("NATIVE_FILTER-");
        List<?> targets = (List<?>) filter.get("targets");
        assertThat(targets).as(where).hasSize(1);
        Map<?, ?> target = (Map<?, ?>) targets.get(0);
        BundleFile dataset =
            bundle.dataset(UUID.fromString((String) target.get("datasetUuid"))).orElse(null);
        assertThat(dataset).as(where + " datasetUuid").isNotNull();
        String column = (String) ((Map<?, ?>) target.get("column")).get("name");
        assertThat(columnsByName(dataset)).as(where).containsKey(column);
        assertThat(filterIds)
            .as(where + " cascade")
            .containsAll((List<?>) filter.get("cascadeParentIds"));

        Map<?, ?> scope = (Map<?, ?>) filter.get("scope");
        assertThat(scope.get("rootPath")).as(where).isEqualTo(List.of("ROOT_ID"));
        List<?> excluded = (List<?>) scope.get("excluded");
        assertThat(chartsById.keySet())
            .as(where + " excluded")
            .containsAll(excluded.stream().map(id -> ((Number) id).intValue()).toList());
        // A filter only narrows charts whose dataset has its column; Superset ignores it elsewhere.
        chartsById.forEach(
            (chartId, chart) -> {
              if (!excluded.contains(chartId)) {
                BundleFile chartDataset = bundle.dataset(chart.uuid("dataset_uuid")).orElseThrow();
                assertThat(columnsByName(chartDataset))
                    .as(where + " applies to " + chart.path())
                    .containsKey(column);
              }
            });
      }
    }
  }

  static Map<String, Map<String, Object>> columnsByName(BundleFile dataset) {
    Map<String, Map<String, Object>> columns = new HashMap<>();
    for (Map<String, Object> column : dataset.list("columns")) {
      columns.put((String) column.get("column_name"), column);
    }
    return columns;
  }

  private static Set<String> metricNames(BundleFile dataset) {
    return dataset.list("metrics").stream()
        .map(metric -> (String) metric.get("metric_name"))
        .collect(Collectors.toSet());
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> nativeFilters(BundleFile dashboard) {
    return (List<Map<String, Object>>)
        dashboard.map("metadata").getOrDefault("native_filter_configuration", List.of());
  }

  private static List<String> problems(BundleFile file, ImportV1Format format) {
    return problems(file.path(), file.content(), format);
  }

  private static List<String> problems(
      String where, Map<String, Object> content, ImportV1Format format) {
    List<String> problems = new ArrayList<>();
    for (String key : format.required()) {
      if (content.get(key) == null) {
        problems.add(where + ": required '" + key + "' is missing");
      }
    }
    for (String key : content.keySet()) {
      if (!format.allowed().contains(key)) {
        problems.add(where + ": '" + key + "' is not a key the importer accepts");
      }
    }
    return problems;
  }
}
