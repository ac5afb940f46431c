package uk.gov.tfwh.api.exports;

import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.gov.tfwh.exports.ExportFormat;

/**
 * The exports in the OpenAPI document as the files they are (springdoc sees a byte array and would
 * say application/json): each format's own media type, from {@link ExportFormat}.
 */
@Configuration(proxyBeanMethods = false)
class ExportDocumentation {

  @Bean
  OpenApiCustomizer exportFiles() {
    return openApi ->
        openApi
            .getPaths()
            .forEach(
                (path, item) -> {
                  if (!path.startsWith("/api/v1/exports/") || item.getGet() == null) {
                    return;
                  }
                  Content files = new Content();
                  if (path.endsWith("authority-profile.pdf")) {
                    files.addMediaType(
                        "application/pdf", file("The authority's two-page profile, tagged PDF"));
                  } else if (path.endsWith(".pdf")) {
                    files.addMediaType("application/pdf", file("The briefing pack, tagged PDF"));
                  } else {
                    for (ExportFormat format : ExportFormat.values()) {
                      files.addMediaType(
                          format.mediaType().replaceAll(";.*", ""),
                          file("The table as ." + format.extension()));
                    }
                  }
                  ApiResponse ok = item.getGet().getResponses().get("200");
                  if (ok != null) {
                    ok.setContent(files);
                  }
                });
  }

  private static MediaType file(String description) {
    return new MediaType().schema(new StringSchema().format("binary").description(description));
  }
}
