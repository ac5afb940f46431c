package uk.gov.tfwh.api.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * A handler no access rule names cannot be reached, whoever asks: controllers are not the only
 * handlers (the actuator, static resources and router functions map paths of their own), and the
 * chains used to let through every path no controller maps, so each such handler was public by
 * default. Here a URL handler mapping and a router function, neither a controller, map paths inside
 * and outside {@code /api}; every one answers 404, as a path nothing maps does.
 */
@Import(UnruledPathsTest.Handlers.class)
class UnruledPathsTest extends RealHttpTest {
  private static final String SECRET = "held by a handler without an access rule";
  private static final List<String> PATHS =
      List.of("/api/v1/unruled", "/unruled", "/api/v1/routed", "/routed");

  @TestConfiguration(proxyBeanMethods = false)
  static class Handlers {
    @Bean
    SimpleUrlHandlerMapping unruledUrls() {
      HttpRequestHandler secret =
          (request, response) -> {
            response.setContentType("text/plain");
            response.getOutputStream().write(SECRET.getBytes(StandardCharsets.UTF_8));
          };
      return new SimpleUrlHandlerMapping(
          Map.of("/api/v1/unruled", secret, "/unruled", secret), Ordered.HIGHEST_PRECEDENCE);
    }

    @Bean
    RouterFunction<ServerResponse> unruledRoutes() {
      return RouterFunctions.route()
          .GET("/api/v1/routed", request -> ServerResponse.ok().body(SECRET))
          .GET("/routed", request -> ServerResponse.ok().body(SECRET))
          .build();
    }
  }

  @Autowired List<HandlerMapping> mappings;

  @Test
  void eachPathIsMappedByAHandlerThatIsNotAController() throws Exception {
    for (String path : PATHS) {
      MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
      boolean mapped = false;
      for (HandlerMapping mapping : mappings) {
        mapped |=
            !(mapping instanceof RequestMappingHandlerMapping)
                && mapping.getHandler(request) != null;
      }
      assertThat(mapped).as(path).isTrue();
    }
  }

  @Test
  void aHandlerWithoutAnAccessRuleIsNotFoundForEveryone() {
    for (String path : PATHS) {
      for (String token : Arrays.asList(null, AccessFixture.token("national"))) {
        HttpResponse<String> response = get(path, token);
        assertThat(response.statusCode()).as(path + ", token " + (token != null)).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type"))
            .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("Location")).isEmpty();
        assertThat(response.body()).doesNotContain(SECRET);
      }
    }
  }
}
