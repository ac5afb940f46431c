package uk.gov.tfwh.api.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * The service's defaults ({@code uk/gov/tfwh/api/api-defaults.properties}), added to the
 * environment as it is prepared, behind every other source, so an {@code application.properties}, a
 * test's properties or {@code ./tfwh serve}'s options override them. Given with
 * {@code @PropertySource} they came too late for the properties Spring Boot reads before the
 * context (its docs say so of {@code logging.*} and {@code spring.main.*}): the banner they turned
 * off was printed at every start, and a logging level there was ignored.
 *
 * <p>Registered in {@code META-INF/spring.factories}.
 */
public final class ApiDefaults implements EnvironmentPostProcessor {
  private static final String FILE = "uk/gov/tfwh/api/api-defaults.properties";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    try {
      environment
          .getPropertySources()
          .addLast(new ResourcePropertySource("tfwh-api-defaults", new ClassPathResource(FILE)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the service's defaults " + FILE, e);
    }
  }
}
