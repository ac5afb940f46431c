package uk.gov.tfwh.api.config;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
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
  private static final String BEARER = "bearer";

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
                        + " .csv suffix). Errors are application/problem+json. See docs/api.md."))
        .schemaRequirement(
            BEARER,
            new SecurityScheme()
                .type(SecurityScheme.Type.HTTP)
                .scheme("bearer")
                .description("A tfwh API token (./tfwh users add) or an OpenID Connect JWT"))
        .addSecurityItem(new SecurityRequirement().addList(BEARER));
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
