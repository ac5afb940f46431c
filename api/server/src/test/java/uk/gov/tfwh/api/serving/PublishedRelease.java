package uk.gov.tfwh.api.serving;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import org.springframework.context.ApplicationContext;

/**
 * Waits until a running service serves a release just published: the service over the Iceberg store
 * reads the catalog's publications at most every 200 ms ({@code ServedWarehouse.Iceberg
 * .POLL_EVERY}), so a request straight after a publish may still be answered from the release
 * before it. A test that publishes and then reads waits here first, for as long as the publication
 * takes to show and no longer, instead of sleeping a fixed time that a slow machine outlasts.
 *
 * <p>It asks the service's own {@link SnapshotPointers}, which every request reads. Only a first
 * publication is seen at once (a pointer not set yet is read again on every request); a later one
 * waits for the next read.
 */
public final class PublishedRelease {
  /** Far beyond the read interval: only a publication the service never sees takes this long. */
  private static final Duration DEADLINE = Duration.ofSeconds(10);

  private static final Duration BETWEEN_READS = Duration.ofMillis(20);

  private PublishedRelease() {}

  /**
   * Returns once the service started as {@code service} holds {@code releaseId} as its published
   * release; fails naming both releases if it still holds another after 10 s.
   */
  public static void await(ApplicationContext service, String releaseId) {
    requireNonNull(releaseId, "releaseId");
    SnapshotPointers pointers = service.getBean(SnapshotPointers.class);
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    String served = pointers.state().published();
    while (!releaseId.equals(served)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "the service still serves "
                + (served == null ? "no published release" : "release " + served)
                + " to the public "
                + DEADLINE.toSeconds()
                + " s after "
                + releaseId
                + " was published");
      }
      pause();
      served = pointers.state().published();
    }
  }

  private static void pause() {
    try {
      Thread.sleep(BETWEEN_READS.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
