package uk.gov.tfwh.etl.concurrent;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/** Waiting for work done on another thread as if it had been done on this one. */
public final class Completions {
  private Completions() {}

  /**
   * Starts work on a new daemon thread of its own: a load's few background tasks each run once and
   * for seconds at most, so a pool would be one more thing to shut down and nothing gained. A
   * daemon, so a load that ends early (nothing new to load) is not kept alive by it.
   */
  public static <T> CompletableFuture<T> onOwnThread(String name, Supplier<T> work) {
    return CompletableFuture.supplyAsync(
        work,
        task -> {
          Thread thread = new Thread(task, name);
          thread.setDaemon(true);
          thread.start();
        });
  }

  /**
   * Waits for work on another thread to end, whether it succeeded or failed, without rethrowing:
   * for a failure path that must not leave the work running (writing into a snapshot being aborted)
   * and must not hide the failure it is already handling.
   */
  public static void awaitQuietly(CompletableFuture<?> future) {
    future.exceptionally(failure -> null).join();
  }

  /**
   * The future's result; when it failed, the exception or error that failed it (not wrapped), so a
   * load's one-line reason names what went wrong rather than the thread it went wrong on.
   */
  public static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      if (e.getCause() instanceof Error cause) {
        throw cause;
      }
      throw e;
    }
  }
}
