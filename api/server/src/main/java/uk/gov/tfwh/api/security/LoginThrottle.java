package uk.gov.tfwh.api.security;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed sign-ins per user name and client address in a sliding window. Once the limit is
 * reached, further attempts from that pair are refused (429) before the password is even checked,
 * until the oldest failure leaves the window; a successful sign-in clears the count. Keys with no
 * failure left in the window are dropped, so the map holds only recent attackers.
 */
public final class LoginThrottle {
  /** Beyond this many tracked pairs the oldest are forgotten: memory stays bounded under attack. */
  static final int MAX_TRACKED = 100_000;

  private final int limit;
  private final Duration window;
  private final Clock clock;
  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

  public LoginThrottle(int limit, Duration window, Clock clock) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1");
    }
    this.limit = limit;
    this.window = requireNonNull(window, "window");
    this.clock = requireNonNull(clock, "clock");
  }

  /** The key of a sign-in attempt: user name and client address. */
  public static String key(String userName, String clientAddress) {
    return String.valueOf(userName) + '\n' + String.valueOf(clientAddress);
  }

  /** How long until this pair may try again; empty when it may now. */
  public Optional<Duration> retryAfter(String key) {
    Deque<Instant> times = failures.get(key);
    if (times == null) {
      return Optional.empty();
    }
    synchronized (times) {
      Instant now = clock.instant();
      expire(times, now);
      if (times.size() < limit) {
        return Optional.empty();
      }
      Duration wait = Duration.between(now, times.peekFirst().plus(window));
      return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    }
  }

  public void failed(String key) {
    if (failures.size() >= MAX_TRACKED) {
      failures.keySet().removeIf(k -> retryAfter(k).isEmpty());
      if (failures.size() >= MAX_TRACKED) {
        failures.clear();
      }
    }
    Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
    synchronized (times) {
      Instant now = clock.instant();
      expire(times, now);
      times.addLast(now);
    }
  }

  public void succeeded(String key) {
    failures.remove(key);
  }

  private void expire(Deque<Instant> times, Instant now) {
    Instant cutoff = now.minus(window);
    while (!times.isEmpty() && !times.peekFirst().isAfter(cutoff)) {
      times.removeFirst();
    }
  }
}
