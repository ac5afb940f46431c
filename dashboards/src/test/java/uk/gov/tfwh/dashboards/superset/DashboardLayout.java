package uk.gov.tfwh.dashboards.superset;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A dashboard's {@code position}: the layout tree Superset draws, ROOT_ID → GRID_ID → ROW → CHART
 * or MARKDOWN. Superset's importer finds a dashboard's charts only through the CHART components'
 * {@code meta.uuid}, so a broken tree or reference loses charts silently on import.
 */
public record DashboardLayout(String dashboard, Map<String, Object> position) {
  public DashboardLayout {
    requireNonNull(dashboard, "dashboard");
    position =
        Collections.unmodifiableMap(
            new LinkedHashMap<>(requireNonNull(position, "position of " + dashboard)));
  }

  /** A CHART component: its local chartId and the uuid of the chart it shows. */
  public record ChartComponent(String id, int chartId, UUID chartUuid, int width) {
    public ChartComponent {
      requireNonNull(id, "id");
      requireNonNull(chartUuid, "chartUuid of " + id);
    }
  }

  /** Everything wrong with the tree, one line each; empty when it is well formed. */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (!"v2".equals(position.get("DASHBOARD_VERSION_KEY"))) {
      problems.add(dashboard + ": DASHBOARD_VERSION_KEY must be v2");
    }
    for (Map.Entry<String, Object> entry : position.entrySet()) {
      if (entry.getKey().equals("DASHBOARD_VERSION_KEY")) {
        continue;
      }
      if (!(entry.getValue() instanceof Map<?, ?> component)) {
        problems.add(dashboard + ": " + entry.getKey() + " is not a component");
        continue;
      }
      if (!entry.getKey().equals(component.get("id"))) {
        problems.add(dashboard + ": " + entry.getKey() + " has id " + component.get("id"));
      }
      if (!ImportV1Format.LAYOUT_TYPES.contains(component.get("type"))) {
        problems.add(
            dashboard + ": " + entry.getKey() + " has unknown type " + component.get("type"));
      }
    }
    expectType("ROOT_ID", "ROOT", problems);
    expectType("GRID_ID", "GRID", problems);
    if (!children("ROOT_ID").equals(List.of("GRID_ID"))) {
      problems.add(dashboard + ": ROOT_ID must hold exactly GRID_ID");
    }
    Set<String> reached = new HashSet<>(Set.of("ROOT_ID", "HEADER_ID"));
    walk("GRID_ID", List.of("ROOT_ID"), reached, problems);
    for (String id : position.keySet()) {
      if (!id.equals("DASHBOARD_VERSION_KEY") && !reached.contains(id)) {
        problems.add(dashboard + ": " + id + " is not reachable from ROOT_ID");
      }
    }
    return problems;
  }

  public List<ChartComponent> charts() {
    List<ChartComponent> charts = new ArrayList<>();
    for (Object value : position.values()) {
      if (value instanceof Map<?, ?> component && "CHART".equals(component.get("type"))) {
        Map<?, ?> meta = (Map<?, ?>) component.get("meta");
        charts.add(
            new ChartComponent(
                (String) component.get("id"),
                ((Number) meta.get("chartId")).intValue(),
                UUID.fromString((String) meta.get("uuid")),
                ((Number) meta.get("width")).intValue()));
      }
    }
    return charts;
  }

  private void walk(String id, List<String> parents, Set<String> reached, List<String> problems) {
    if (!reached.add(id)) {
      problems.add(dashboard + ": " + id + " appears twice in the tree");
      return;
    }
    Map<?, ?> component = component(id);
    if (component == null) {
      problems.add(dashboard + ": " + id + " is referenced but not defined");
      return;
    }
    if (!parents.equals(component.get("parents"))) {
      problems.add(dashboard + ": " + id + " should have parents " + parents);
    }
    String type = (String) component.get("type");
    List<String> children = children(id);
    String expectedChild =
        switch (type) {
          case "GRID" -> "ROW";
          case "ROW" -> "leaf";
          default -> "none";
        };
    if (expectedChild.equals("none") && !children.isEmpty()) {
      problems.add(dashboard + ": " + type + " " + id + " must have no children");
    }
    int width = 0;
    for (String child : children) {
      Map<?, ?> childComponent = component(child);
      String childType = childComponent == null ? null : (String) childComponent.get("type");
      boolean fits =
          expectedChild.equals("ROW")
              ? "ROW".equals(childType)
              : "CHART".equals(childType) || "MARKDOWN".equals(childType);
      if (childComponent != null && !fits) {
        problems.add(dashboard + ": " + childType + " " + child + " cannot sit in " + type);
      }
      if (childComponent != null && childComponent.get("meta") instanceof Map<?, ?> meta) {
        width += meta.get("width") instanceof Number number ? number.intValue() : 0;
      }
      List<String> childParents = new ArrayList<>(parents);
      childParents.add(id);
      walk(child, childParents, reached, problems);
    }
    if (type.equals("ROW") && width > ImportV1Format.GRID_COLUMNS) {
      problems.add(dashboard + ": row " + id + " is " + width + " columns wide");
    }
  }

  private void expectType(String id, String type, List<String> problems) {
    Map<?, ?> component = component(id);
    if (component == null || !type.equals(component.get("type"))) {
      problems.add(dashboard + ": " + id + " must be a " + type);
    }
  }

  private Map<?, ?> component(String id) {
    return position.get(id) instanceof Map<?, ?> map ? map : null;
  }

  private List<String> children(String id) {
    Map<?, ?> component = component(id);
    if (component == null || component.get("children") == null) {
      return List.of();
    }
    return ((List<?>) component.get("children")).stream().map(String.class::cast).toList();
  }
}
