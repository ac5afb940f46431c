package uk.gov.tfwh.etl.concurrent;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Waiting for work done on another thread as if it had been done on this one. */
public final class Completions {
  private Completions() {}

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
