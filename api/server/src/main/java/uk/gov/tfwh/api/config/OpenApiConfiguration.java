package uk.gov.tfwh.api.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
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
}
