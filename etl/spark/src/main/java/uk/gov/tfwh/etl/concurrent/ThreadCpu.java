package uk.gov.tfwh.etl.concurrent;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The CPU time work took on the thread that ran it: for work on a load's own threads (the previous
 * state's decoding), whose cost the stage clock's wall time on the load's thread does not show when
 * it ends before it is waited for, yet which shares the two cores with everything else.
 */
public final class ThreadCpu {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final AtomicLong nanos = new AtomicLong(-1);

  /** The work, recording its thread's CPU time when it ends (failed or not). */
  public <T> Supplier<T> measuring(Supplier<T> work) {
    return () -> {
      long start = cpuNanos();
      try {
        return work.get();
      } finally {
        if (start >= 0) {
          nanos.set(cpuNanos() - start);
        }
      }
    };
  }

  /** Milliseconds of CPU, or -1 when the work has not ended or the JVM does not measure it. */
  public long millis() {
    long measured = nanos.get();
    return measured < 0 ? -1 : measured / 1_000_000;
  }

  private static long cpuNanos() {
    return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
  }
}
