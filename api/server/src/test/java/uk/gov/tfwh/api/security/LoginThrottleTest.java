package uk.gov.tfwh.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
  /** A clock the test moves by hand. */
  private static final class HandClock extends Clock {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  private final HandClock clock = new HandClock();
  private final LoginThrottle throttle = new LoginThrottle(5, Duration.ofMinutes(1), clock);
  private final String key = LoginThrottle.key("minister", "10.0.0.1");

  @Test
  void fiveFailuresWithinTheWindowHoldThePairBackUntilTheFirstLeavesIt() {
    for (int i = 0; i < 4; i++) {
      throttle.failed(key);
      clock.now = clock.now.plusSeconds(10);
    }
    assertThat(throttle.retryAfter(key)).isEmpty();
    throttle.failed(key); // the fifth, 40 s after the first

    assertThat(throttle.retryAfter(key)).hasValue(Duration.ofSeconds(20));
    assertThat(throttle.retryAfter(LoginThrottle.key("minister", "10.0.0.2"))).isEmpty();
    assertThat(throttle.retryAfter(LoginThrottle.key("national", "10.0.0.1"))).isEmpty();

    clock.now = clock.now.plusSeconds(20);
    assertThat(throttle.retryAfter(key)).isEmpty();
  }

  @Test
  void failuresSpreadWiderThanTheWindowNeverHoldBack() {
    for (int i = 0; i < 20; i++) {
      throttle.failed(key);
      clock.now = clock.now.plusSeconds(15);
    }
    assertThat(throttle.retryAfter(key)).isEmpty();
  }

  @Test
  void aSuccessClearsTheCount() {
    for (int i = 0; i < 4; i++) {
      throttle.failed(key);
    }
    throttle.succeeded(key);
    throttle.failed(key);
    assertThat(throttle.retryAfter(key)).isEmpty();
  }
}
