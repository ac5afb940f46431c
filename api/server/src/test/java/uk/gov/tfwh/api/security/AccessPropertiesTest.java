package uk.gov.tfwh.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class AccessPropertiesTest {

  private static AccessProperties bind(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties))
        .bindOrCreate("tfwh.api.access", AccessProperties.class);
  }

  @Test
  void withNothingConfiguredTheProductionDefaultsApply() {
    AccessProperties bound = bind(Map.of());

    assertThat(bound).isEqualTo(AccessProperties.defaults());
    assertThat(bound.loginFailures()).isEqualTo(5);
    assertThat(bound.loginWindow()).isEqualTo(Duration.ofMinutes(1));
    assertThat(bound.apiContentSecurityPolicy())
        .startsWith("default-src 'none'")
        .contains("frame-ancestors 'none'");
    assertThat(bound.trustedProxies()).as("no proxy's forwarded headers are believed").isEmpty();
    assertThat(bound.pageContentSecurityPolicy())
        .contains("frame-ancestors 'none'")
        .contains("object-src 'none'")
        .doesNotContain("script-src 'unsafe-inline'");
  }

  @Test
  void settingsOverrideTheDefaults() {
    AccessProperties bound =
        bind(Map.of("tfwh.api.access.login-failures", "3", "tfwh.api.access.login-window", "10m"));

    assertThat(bound.loginFailures()).isEqualTo(3);
    assertThat(bound.loginWindow()).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void aLimitThatWouldNeverHoldAnyoneIsRefused() {
    assertThatThrownBy(
            () ->
                new AccessProperties(
                    0,
                    Duration.ofMinutes(1),
                    "default-src 'none'",
                    "default-src 'self'",
                    java.util.List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new AccessProperties(
                    5,
                    Duration.ZERO,
                    "default-src 'none'",
                    "default-src 'self'",
                    java.util.List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void trustedProxiesAreAddressesOnly() {
    assertThat(bind(Map.of("tfwh.api.access.trusted-proxies", "10.0.0.5,::1")).trustedProxies())
        .containsExactly("10.0.0.5", "::1");
    assertThatThrownBy(
            () -> bind(Map.of("tfwh.api.access.trusted-proxies", "10\\.\\d+\\.\\d+\\.\\d+")))
        .hasRootCauseInstanceOf(IllegalArgumentException.class);
  }
}
