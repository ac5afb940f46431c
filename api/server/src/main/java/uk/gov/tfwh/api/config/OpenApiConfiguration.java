package uk.gov.tfwh.api.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.gov.tfwh.api.authority.AuthorityList;
import uk.gov.tfwh.api.benchmark.Benchmarks;
import uk.gov.tfwh.api.dataquality.DataQualityReports;
import uk.gov.tfwh.api.leaguetable.LeagueTables;
import uk.gov.tfwh.api.payment.Payments;
import uk.gov.tfwh.api.period.PeriodList;
import uk.gov.tfwh.api.progress.ProgressReports;
import uk.gov.tfwh.api.returns.ReturnHistories;
import uk.gov.tfwh.api.submission.SubmissionStatus;
import uk.gov.tfwh.api.table.RowShape;
import uk.gov.tfwh.api.timeseries.TimeSeriesReports;
import uk.gov.tfwh.api.totals.NationalTotals;
import uk.gov.tfwh.api.totals.RegionTotals;
import uk.gov.tfwh.warehouse.query.ResultColumn;
import uk.gov.tfwh.warehouse.table.Column;
import uk.gov.tfwh.warehouse.table.ColumnType;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/**
 * The OpenAPI document at {@code /v3/api-docs}: the API's description, its bearer tokens, and the
 * CSV representation every tabular resource has (written by {@code CsvMessageConverter}, which
 * springdoc cannot see). Exports describe their own files.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {
  @Bean
  OpenAPI tfwhOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Troubled Families warehouse API")
                .version("v1")
                .description(
                    "Turned-around counts against targets, league tables, benchmarks, payments"
                        + " and data quality, read from one warehouse snapshot per request. JSON"
                        + " by default; every tabular resource also as CSV (Accept: text/csv or a"
                        + " .csv suffix). Errors are application/problem+json. See docs/api.md.")
                .contact(
                    new Contact()
                        .name("Troubled Families Programme national team")
                        .url("https://www.gov.uk/government/collections/troubled-families"))
                .license(
                    new License()
                        .name("Open Government Licence v3.0")
                        .url(
                            "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/")));
  }

  /**
   * Schemas named as the API writes its JSON: with the service's own ObjectMapper (snake_case), not
   * springdoc's default one, so a client generated from the document reads real responses.
   */
  @Bean
  ModelResolver snakeCaseModels(ObjectMapper json) {
    return new ModelResolver(json);
  }

  @Bean
  OpenApiCustomizer csvRepresentations() {
    return openApi ->
        openApi
            .getPaths()
            .forEach(
                (path, item) -> {
                  if (path.startsWith("/api/v1/exports/") || item.getGet() == null) {
                    return;
                  }
                  ApiResponse ok = item.getGet().getResponses().get("200");
                  if (ok == null) {
                    return;
                  }
                  if (ok.getContent() == null) {
                    ok.setContent(new Content());
                  }
                  ok.getContent()
                      .addMediaType(
                          "text/csv",
                          new MediaType()
                              .schema(
                                  new StringSchema()
                                      .description(
                                          "The rows as RFC 4180 CSV with a header row; also at"
                                              + " the same path with a .csv suffix")));
                });
  }

  /**
   * Each tabular resource's row, column by column, by the schema springdoc names after the response
   * type. Every {@code Tabular} response is here ({@code OpenApiResponsesTest} fails on one that is
   * not), and each answer validates against its row, so the document cannot drift from the rows.
   */
  static final Map<String, RowShape> ROWS =
      Map.ofEntries(
          Map.entry("AuthorityList", AuthorityList.ROW),
          Map.entry("AuthorityProgress", ProgressReports.ROW),
          Map.entry("Benchmark", Benchmarks.ROW),
          Map.entry("DataQuality", DataQualityReports.ROW),
          Map.entry("LeagueTable", LeagueTables.ROW),
          Map.entry("NationalTotals", NationalTotals.ROW),
          Map.entry("PaymentList", Payments.ROW),
          Map.entry("PeriodList", PeriodList.ROW),
          Map.entry("RegionTotals", RegionTotals.ROW),
          Map.entry("ReturnHistory", ReturnHistories.ROW),
          Map.entry("SubmissionStatus", SubmissionStatus.ROW),
          Map.entry("TimeSeries", TimeSeriesReports.ROW),
          Map.entry("TimeSeriesMetadata", TimeSeriesReports.METADATA_ROW));

  /** Lists of rows held in other fields than {@code rows}, by schema and field. */
  static final Map<String, Map<String, RowShape>> OTHER_LISTS =
      Map.of("DataQuality", Map.of("findings", DataQualityReports.FINDING));

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
      Map<String, Schema> rows = new java.util.TreeMap<>();
      for (Map.Entry<String, Schema> entry : schemas.entrySet()) {
        Map<String, Schema> properties = entry.getValue().getProperties();
        if (properties == null) {
          continue;
        }
        Map<String, RowShape> lists = new java.util.LinkedHashMap<>();
        if (properties.containsKey("rows")) {
          RowShape shape = ROWS.get(entry.getKey());
          if (shape == null) {
            throw new IllegalStateException(
                "the tabular response " + entry.getKey() + " has no row shape in ROWS");
          }
          lists.put("rows", shape);
        }
        lists.putAll(OTHER_LISTS.getOrDefault(entry.getKey(), Map.of()));
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

  /**
   * The JSON as the service writes it: every field is written, null when it has no value (an
   * optional parameter not given, a figure not reported), and a free map's values are whatever the
   * columns hold. Springdoc would say a field is never null and a map's values are objects.
   */
  @Bean
  OpenApiCustomizer fieldsAsWritten() {
    return openApi -> {
      if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
        return;
      }
      openApi.getComponents().getSchemas().values().forEach(OpenApiConfiguration::asWritten);
    };
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static void asWritten(Schema<?> schema) {
    if (schema.getAdditionalProperties() instanceof Schema values && isBareObject(values)) {
      schema.setAdditionalProperties(true);
    }
    if (schema.getItems() != null) {
      asWritten(schema.getItems());
    }
    if (schema.getProperties() != null) {
      for (Schema property : schema.getProperties().values()) {
        if (property.get$ref() == null
            && property.getTypes() != null
            && !property.getTypes().contains("null")) {
          java.util.Set<String> types = new java.util.LinkedHashSet<>(property.getTypes());
          types.add("null");
          property.setTypes(types);
        }
        asWritten(property);
      }
    }
  }

  private static boolean isBareObject(Schema<?> schema) {
    return schema.get$ref() == null
        && (schema.getProperties() == null || schema.getProperties().isEmpty())
        && ("object".equals(schema.getType())
            || schema.getTypes() != null && schema.getTypes().contains("object"));
  }
}
