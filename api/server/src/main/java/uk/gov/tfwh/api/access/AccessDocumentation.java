package uk.gov.tfwh.api.access;

import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The access table ({@link ApiEndpoint}) in the OpenAPI document, so the document tells the truth.
 */
@Configuration(proxyBeanMethods = false)
class AccessDocumentation {
  /** The security scheme's name in the document. */
  static final String BEARER = "bearer";

  /**
   * Each operation as the access table has it (ApiEndpoint): who may call it (a public resource
   * takes a token but does not need one; the others need one), the feature it belongs to as its
   * tag, and the problems it can answer.
   */
  @Bean
  OpenApiCustomizer accessAndProblems() {
    return openApi -> {
      if (openApi.getComponents() == null) {
        openApi.setComponents(new io.swagger.v3.oas.models.Components());
      }
      openApi
          .getComponents()
          .addSecuritySchemes(
              BEARER,
              new SecurityScheme()
                  .type(SecurityScheme.Type.HTTP)
                  .scheme("bearer")
                  .description("A tfwh API token (./tfwh users add) or an OpenID Connect JWT"));
      openApi
          .getComponents()
          .addSchemas(
              "Problem",
              new ObjectSchema()
                  .description("RFC 9457 problem details (application/problem+json)")
                  .addProperty("type", new StringSchema().format("uri"))
                  .addProperty("title", new StringSchema())
                  .addProperty("status", new IntegerSchema())
                  .addProperty("detail", new StringSchema().description("What to change"))
                  .addProperty("instance", new StringSchema())
                  .addProperty(
                      "parameter",
                      new StringSchema().description("The parameter at fault, for a 400")));
      openApi
          .getPaths()
          .forEach(
              (path, item) ->
                  item.readOperationsMap()
                      .forEach(
                          (method, operation) -> {
                            Optional<ApiEndpoint> endpoint =
                                Arrays.stream(ApiEndpoint.values())
                                    .filter(e -> e.path().equals(path))
                                    .filter(e -> e.method().name().equals(method.name()))
                                    .findFirst();
                            boolean isPublic = endpoint.map(ApiEndpoint::isPublic).orElse(false);
                            operation.setSecurity(
                                isPublic
                                    ? List.of(
                                        new SecurityRequirement(),
                                        new SecurityRequirement().addList(BEARER))
                                    : List.of(new SecurityRequirement().addList(BEARER)));
                            String[] segments = path.split("/");
                            String tag = segments.length > 3 ? segments[3] : "api";
                            operation.setTags(List.of(tag));
                            if (openApi.getTags() == null
                                || openApi.getTags().stream()
                                    .noneMatch(t -> t.getName().equals(tag))) {
                              openApi.addTagsItem(
                                  new io.swagger.v3.oas.models.tags.Tag()
                                      .name(tag)
                                      .description("The /api/v1/" + tag + " resources"));
                            }
                            if (operation.getDescription() == null
                                || operation.getDescription().isBlank()) {
                              operation.setDescription(
                                  operation.getSummary()
                                      + ". "
                                      + endpoint.map(AccessDocumentation::whoMayCall).orElse(""));
                            }
                            ApiResponses responses = operation.getResponses();
                            problem(responses, "400", "A parameter is missing or not valid");
                            if (!isPublic) {
                              problem(responses, "401", "No valid token was sent");
                              problem(responses, "403", "The token's role may not call this");
                            }
                            problem(responses, "404", "Nothing there, or no figures yet");
                          }));
    };
  }

  /** The access rule in words, from the access table. */
  static String whoMayCall(ApiEndpoint endpoint) {
    if (endpoint.isPublic()) {
      return "Open to everyone: the public reads published figures, signed-in users as their role"
          + " allows (docs/security.md).";
    }
    return "Needs a token of a "
        + String.join(" or ", endpoint.roles().stream().map(r -> r.name()).sorted().toList())
        + " user; a coordinator only about its own authority (docs/security.md).";
  }

  private static void problem(ApiResponses responses, String status, String description) {
    if (responses.containsKey(status)) {
      responses.get(status).setContent(problemContent());
      return;
    }
    responses.addApiResponse(
        status, new ApiResponse().description(description).content(problemContent()));
  }

  private static Content problemContent() {
    return new Content()
        .addMediaType(
            "application/problem+json",
            new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem")));
  }
}
