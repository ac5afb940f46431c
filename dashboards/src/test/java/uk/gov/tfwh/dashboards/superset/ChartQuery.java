package uk.gov.tfwh.dashboards.superset;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The query a chart's params make Superset send, close enough to run it: raw tables select their
 * columns; every other chart groups by its x-axis and group-by columns and computes its saved
 * metrics. Superset's own SQL differs in quoting and time handling, not in which columns, metrics
 * and filters it uses, which is what a broken chart would get wrong.
 */
public record ChartQuery(
    String chart,
    boolean raw,
    List<String> dimensions,
    List<String> metrics,
    List<Ordering> orderings,
    List<Condition> conditions,
    int rowLimit) {

  public ChartQuery {
    requireNonNull(chart, "chart");
    dimensions = List.copyOf(dimensions);
    metrics = List.copyOf(metrics);
    orderings = List.copyOf(orderings);
    conditions = List.copyOf(conditions);
  }

  /** An ORDER BY term of a raw table. */
  public record Ordering(String column, boolean ascending) {
    public Ordering {
      requireNonNull(column, "column");
    }
  }

  /** A simple equality filter saved in the chart (adhoc_filters). */
  public record Condition(String column, String value) {
    public Condition {
      requireNonNull(column, "column");
      requireNonNull(value, "value");
    }
  }

  public static ChartQuery of(BundleFile chart) {
    Map<String, Object> params = chart.map("params");
    boolean raw = "raw".equals(params.get("query_mode"));
    List<String> dimensions = new ArrayList<>();
    if (raw) {
      dimensions.addAll(strings(params.get("all_columns")));
    } else {
      if (params.get("x_axis") instanceof String xAxis) {
        dimensions.add(xAxis);
      }
      dimensions.addAll(strings(params.get("groupby")));
    }
    List<String> metrics = new ArrayList<>(strings(params.get("metrics")));
    if (params.get("metric") instanceof String metric) {
      metrics.add(metric);
    }
    List<Ordering> orderings = new ArrayList<>();
    for (String term : strings(params.get("order_by_cols"))) {
      // Saved as a JSON pair in a string, such as ["national_rank", true].
      String[] parts = term.replaceAll("[\\[\\]\" ]", "").split(",");
      orderings.add(new Ordering(parts[0], Boolean.parseBoolean(parts[1])));
    }
    List<Condition> conditions = new ArrayList<>();
    for (Object filter : (List<?>) params.getOrDefault("adhoc_filters", List.of())) {
      Map<?, ?> adhoc = (Map<?, ?>) filter;
      if (!"SIMPLE".equals(adhoc.get("expressionType")) || !"==".equals(adhoc.get("operator"))) {
        throw new IllegalStateException(chart.path() + ": only simple '==' filters are checked");
      }
      conditions.add(
          new Condition((String) adhoc.get("subject"), (String) adhoc.get("comparator")));
    }
    int rowLimit = params.get("row_limit") instanceof Number limit ? limit.intValue() : 10_000;
    return new ChartQuery(chart.path(), raw, dimensions, metrics, orderings, conditions, rowLimit);
  }

  /** Every dataset column the chart names, for checking they exist. */
  public Set<String> columnsUsed() {
    Set<String> used = new LinkedHashSet<>(dimensions);
    orderings.forEach(ordering -> used.add(ordering.column()));
    conditions.forEach(condition -> used.add(condition.column()));
    return used;
  }

  /** The SQL over the dataset's SQL, with each saved metric replaced by its expression. */
  public String sql(String datasetSql, Map<String, String> metricExpressions) {
    List<String> select = new ArrayList<>(dimensions);
    for (String metric : metrics) {
      String expression = metricExpressions.get(metric);
      if (expression == null) {
        throw new IllegalArgumentException(chart + ": no metric " + metric);
      }
      select.add(expression + " AS " + metric);
    }
    StringBuilder sql = new StringBuilder("SELECT ").append(String.join(", ", select));
    sql.append("\nFROM (\n").append(datasetSql).append("\n) AS virtual_table");
    if (!conditions.isEmpty()) {
      List<String> where = new ArrayList<>();
      for (Condition condition : conditions) {
        where.add(condition.column() + " = '" + condition.value().replace("'", "''") + "'");
      }
      sql.append("\nWHERE ").append(String.join(" AND ", where));
    }
    if (!raw && !dimensions.isEmpty() && !metrics.isEmpty()) {
      sql.append("\nGROUP BY ").append(String.join(", ", dimensions));
    }
    List<String> order = new ArrayList<>();
    orderings.forEach(o -> order.add(o.column() + (o.ascending() ? " ASC" : " DESC")));
    if (!raw) {
      order.addAll(dimensions);
    }
    if (!order.isEmpty()) {
      sql.append("\nORDER BY ").append(String.join(", ", order));
    }
    return sql.append("\nLIMIT ").append(rowLimit).toString();
  }

  private static List<String> strings(Object value) {
    if (value == null) {
      return List.of();
    }
    return ((List<?>) value).stream().map(String.class::cast).toList();
  }
}
