package uk.gov.tfwh.api.web.page;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Properties;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves GOV.UK Frontend (from its WebJar) and the dashboard's own few files under {@code
 * /assets/}, the path GOV.UK Frontend's compiled CSS expects its fonts and images at.
 */
@Configuration
public class GovukAssets implements WebMvcConfigurer {
  private static final String WEBJAR_PROPERTIES =
      "META-INF/maven/org.webjars.npm/govuk-frontend/pom.properties";

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    String dist =
        "classpath:/META-INF/resources/webjars/govuk-frontend/" + version() + "/dist/govuk/";
    registry
        .addResourceHandler("/assets/**")
        .addResourceLocations(dist + "assets/", dist, "classpath:/static-web/")
        .setCacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic());
  }

  /** The WebJar's version, which is part of its resources' paths. */
  static String version() {
    try (InputStream in =
        GovukAssets.class.getClassLoader().getResourceAsStream(WEBJAR_PROPERTIES)) {
      if (in == null) {
        throw new IllegalStateException("GOV.UK Frontend's WebJar is not on the classpath");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + WEBJAR_PROPERTIES, e);
    }
  }
}
