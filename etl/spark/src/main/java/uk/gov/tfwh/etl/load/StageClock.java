package uk.gov.tfwh.etl.load;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Times the stages of a load and reports each one as it ends. */
final class StageClock {
  private final Consumer<String> progress;
  private final Map<String, Long> millis = new LinkedHashMap<>();
  private final long started = System.nanoTime();

  StageClock(Consumer<String> progress) {
    this.progress = progress;
  }

  <T> T time(String stage, Supplier<T> work, java.util.function.Function<T, String> done) {
    progress.accept(String.format(Locale.ROOT, "[%6.1fs] %s ...", elapsed(), stage));
    return timeSayingAfter(stage, work, done);
  }

  /**
   * As {@link #time}, saying nothing before the work: for the opening, whose first word must come
   * after the writer lock is held (a load's first line tells a watcher that it holds the
   * warehouse).
   */
  <T> T timeSayingAfter(
      String stage, Supplier<T> work, java.util.function.Function<T, String> done) {
    long start = System.nanoTime();
    T result = work.get();
    long ms = millisSince(start);
    millis.merge(stage, ms, Long::sum);
    progress.accept(
        String.format(
            Locale.ROOT, "[%6.1fs] %s: %s (%,d ms)", elapsed(), stage, done.apply(result), ms));
    return result;
  }

  /**
   * Milliseconds since a {@link System#nanoTime()} reading: for work timed on other threads (the
   * state writer, the table writes), which this clock's stage map is not safe for.
   */
  static long millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  double elapsed() {
    return (System.nanoTime() - started) / 1e9;
  }

  Map<String, Long> millis() {
    Map<String, Long> all = new LinkedHashMap<>(millis);
    all.put("total", millisSince(started));
    return all;
  }
}
