package uk.gov.tfwh.api.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
