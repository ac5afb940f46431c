package uk.gov.tfwh.dashboards.superset;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/**
 * What Superset's v1 importer accepts, written down from its marshmallow schemas
 * (ImportV1DatabaseSchema, ImportV1DatasetSchema with its column and metric schemas,
 * ImportV1ChartSchema, ImportV1DashboardSchema, MetadataSchema). Those schemas reject unknown keys,
 * so a file may hold only the allowed keys; the allowed sets here are the keys common to Superset
 * 3.x to 5.x, so the bundle imports into any of them.
 */
public record ImportV1Format(String folder, Set<String> required, Set<String> allowed) {
  public ImportV1Format {
    requireNonNull(folder, "folder");
    required = Set.copyOf(required);
    allowed = Set.copyOf(allowed);
    if (!allowed.containsAll(required)) {
      throw new IllegalArgumentException(folder + ": every required key must be allowed");
    }
  }

  /** The only version the importer takes; it compares the string exactly. */
  public static final String VERSION = "1.0.0";

  public static final ImportV1Format METADATA =
      new ImportV1Format("", Set.of("version"), Set.of("version", "type", "timestamp"));

  public static final ImportV1Format DATABASE =
      new ImportV1Format(
          "databases/",
          Set.of("database_name", "sqlalchemy_uri", "uuid", "version"),
          Set.of(
              "database_name",
              "sqlalchemy_uri",
              "password",
              "cache_timeout",
              "expose_in_sqllab",
              "allow_run_async",
              "allow_ctas",
              "allow_cvas",
              "allow_dml",
              "allow_csv_upload",
              "extra",
              "uuid",
              "version",
              "is_managed_externally",
              "external_url"));

  public static final ImportV1Format DATASET =
      new ImportV1Format(
          "datasets/",
          Set.of("table_name", "uuid", "version", "database_uuid"),
          Set.of(
              "table_name",
              "main_dttm_col",
              "description",
              "default_endpoint",
              "offset",
              "cache_timeout",
              "schema",
              "sql",
              "params",
              "template_params",
              "filter_select_enabled",
              "fetch_values_predicate",
              "extra",
              "uuid",
              "columns",
              "metrics",
              "version",
              "database_uuid",
              "data",
              "is_managed_externally",
              "external_url"));

  public static final ImportV1Format DATASET_COLUMN =
      new ImportV1Format(
          "datasets/ columns",
          Set.of("column_name"),
          Set.of(
              "column_name",
              "verbose_name",
              "is_dttm",
              "is_active",
              "type",
              "groupby",
              "filterable",
              "expression",
              "description",
              "python_date_format"));

  public static final ImportV1Format DATASET_METRIC =
      new ImportV1Format(
          "datasets/ metrics",
          Set.of("metric_name", "expression"),
          Set.of(
              "metric_name",
              "verbose_name",
              "metric_type",
              "expression",
              "description",
              "d3format",
              "extra",
              "warning_text"));

  public static final ImportV1Format CHART =
      new ImportV1Format(
          "charts/",
          Set.of("slice_name", "viz_type", "uuid", "version", "dataset_uuid"),
          Set.of(
              "slice_name",
              "viz_type",
              "params",
              "query_context",
              "cache_timeout",
              "uuid",
              "version",
              "dataset_uuid",
              "is_managed_externally",
              "external_url"));

  public static final ImportV1Format DASHBOARD =
      new ImportV1Format(
          "dashboards/",
          Set.of("dashboard_title", "uuid", "version"),
          Set.of(
              "dashboard_title",
              "description",
              "css",
              "slug",
              "uuid",
              "position",
              "metadata",
              "version",
              "is_managed_externally",
              "external_url",
              "certified_by",
              "certification_details",
              "published"));

  /**
   * Chart types this bundle may use: built into current Superset (the ECharts plugins replaced the
   * legacy bar and line charts, which newer versions no longer ship).
   */
  public static final Set<String> VIZ_TYPES =
      Set.of(
          "table",
          "pivot_table_v2",
          "big_number_total",
          "big_number",
          "echarts_timeseries_bar",
          "echarts_timeseries_line",
          "echarts_area",
          "pie",
          "box_plot");

  /** The dashboard layout component types a position may contain. */
  public static final Set<String> LAYOUT_TYPES =
      Set.of(
          "ROOT", "GRID", "HEADER", "ROW", "COLUMN", "CHART", "MARKDOWN", "DIVIDER", "TABS", "TAB");

  /** Superset's dashboard grid is 12 columns wide. */
  public static final int GRID_COLUMNS = 12;
}
