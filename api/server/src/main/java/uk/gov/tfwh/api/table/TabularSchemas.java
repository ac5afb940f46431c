package uk.gov.tfwh.api.table;

import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;
import uk.gov.tfwh.warehouse.query.ResultColumn;
import uk.gov.tfwh.warehouse.table.Column;
import uk.gov.tfwh.warehouse.table.ColumnType;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/**
 * The OpenAPI document's typed rows: every {@link Tabular} response type declares its row as a
 * {@code public static final RowShape ROW} (and any other list of rows it holds as another RowShape
 * constant, named after the field in upper case, such as {@code FINDINGS} for {@code findings}).
 * They are found on the class path, so this package knows no feature and no feature registers
 * itself anywhere: a tabular response without a ROW stops the document being served.
 */
@Configuration(proxyBeanMethods = false)
class TabularSchemas {
  private static final String BASE_PACKAGE = "uk.gov.tfwh.api";

  /** Each tabular response type's lists of rows, by its simple name (springdoc's schema name). */
  static Map<String, Map<String, RowShape>> declaredRows() {
    ClassPathScanningCandidateComponentProvider scanner =
        new ClassPathScanningCandidateComponentProvider(false) {
          @Override
          protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
            return definition.getMetadata().isIndependent()
                && definition.getMetadata().isConcrete();
          }
        };
    scanner.addIncludeFilter(new AssignableTypeFilter(Tabular.class));
    Map<String, Map<String, RowShape>> declared = new TreeMap<>();
    for (BeanDefinition definition : scanner.findCandidateComponents(BASE_PACKAGE)) {
      Class<?> type =
          ClassUtils.resolveClassName(
              definition.getBeanClassName(), TabularSchemas.class.getClassLoader());
      Map<String, RowShape> lists = new TreeMap<>();
      for (Field field : type.getFields()) {
        if (Modifier.isStatic(field.getModifiers()) && field.getType() == RowShape.class) {
          try {
            lists.put(fieldName(field.getName()), (RowShape) field.get(null));
          } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + type.getName() + "." + field, e);
          }
        }
      }
      if (!lists.containsKey("rows")) {
        throw new IllegalStateException(
            type.getName() + " is tabular but declares no public static final RowShape ROW");
      }
      declared.put(type.getSimpleName(), lists);
    }
    return declared;
  }

  /** {@code ROW} is {@code rows}; {@code FINDINGS} is {@code findings}. */
  private static String fieldName(String constant) {
    return constant.equals("ROW") ? "rows" : constant.toLowerCase(Locale.ROOT);
  }

  /**
   * A tabular resource's {@code rows}: an array of its row schema, each column typed as the
   * catalogue query returns it, nullable, described as the table contract describes it; no other
   * field (springdoc would say each row is a free object of objects).
   */
  @Bean
  @SuppressWarnings({"rawtypes", "unchecked"})
  OpenApiCustomizer tabularRows() {
    return openApi -> {
      if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
        return;
      }
      Map<String, Schema> schemas = openApi.getComponents().getSchemas();
      Map<String, Map<String, RowShape>> declared = declaredRows();
      Map<String, Schema> rows = new java.util.TreeMap<>();
      for (Map.Entry<String, Schema> entry : schemas.entrySet()) {
        Map<String, Schema> properties = entry.getValue().getProperties();
        if (properties == null) {
          continue;
        }
        Map<String, RowShape> lists = new java.util.LinkedHashMap<>();
        if (properties.containsKey("rows")) {
          if (!declared.containsKey(entry.getKey())) {
            throw new IllegalStateException(
                "the tabular response " + entry.getKey() + " declares no ROW");
          }
        }
        lists.putAll(declared.getOrDefault(entry.getKey(), Map.of()));
        lists.forEach(
            (field, shape) -> {
              rows.put(shape.name(), rowSchema(shape));
              properties.put(
                  field,
                  new ArraySchema()
                      .description(
                          "rows".equals(field)
                              ? "The table, one "
                                  + shape.name()
                                  + " a row: the CSV's columns, in its order"
                              : "One " + shape.name() + " an item")
                      .items(new Schema<>().$ref("#/components/schemas/" + shape.name())));
            });
      }
      schemas.putAll(rows);
    };
  }

  /** What the table contract says a column of that name holds, where it has one. */
  private static java.util.Optional<String> meaning(String column) {
    for (WarehouseTable table : WarehouseTable.values()) {
      java.util.Optional<String> description = table.column(column).map(Column::description);
      if (description.isPresent()) {
        return description;
      }
    }
    return java.util.Optional.empty();
  }

  private static Schema<?> rowSchema(RowShape shape) {
    Schema<Object> row = new ObjectSchema();
    row.setAdditionalProperties(false);
    row.setRequired(shape.columnNames());
    for (ResultColumn column : shape.columns()) {
      Schema<Object> field = new Schema<>();
      switch (column.type()) {
        case STRING -> field.setTypes(new java.util.LinkedHashSet<>(List.of("string", "null")));
        case INT, BIGINT -> {
          field.setTypes(new java.util.LinkedHashSet<>(List.of("integer", "null")));
          field.setFormat(column.type() == ColumnType.INT ? "int32" : "int64");
        }
        case BOOLEAN -> field.setTypes(new java.util.LinkedHashSet<>(List.of("boolean", "null")));
        case DATE -> {
          field.setTypes(new java.util.LinkedHashSet<>(List.of("string", "null")));
          field.setFormat("date");
        }
        case TIMESTAMP -> {
          field.setTypes(new java.util.LinkedHashSet<>(List.of("string", "null")));
          field.setFormat("date-time");
        }
        case MONEY, PERCENT, DOUBLE ->
            field.setTypes(new java.util.LinkedHashSet<>(List.of("number", "null")));
      }
      meaning(column.name()).ifPresent(field::setDescription);
      row.addProperty(column.name(), field);
    }
    return row;
  }
}
