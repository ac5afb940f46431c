package uk.gov.tfwh.api.serving;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import uk.gov.tfwh.warehouse.query.SnapshotSelector;
import uk.gov.tfwh.warehouse.release.WarehouseReleases;

/**
 * The warehouse's current and published snapshot and its publications as every request reads them:
 * through {@link WarehouseReleases}, but only again when its {@link WarehouseReleases#changeToken()
 * change token} has moved, so a publish is seen by the next request while an unchanged warehouse
 * costs one token (for the folder store, a {@code stat} of each pointer file). Because a token made
 * of file times may miss two writes within one clock tick, what was read is also read again at
 * least once every {@link #MAX_AGE_NANOS}, so even such writes are seen within a second.
 *
 * <p>Where the token costs a statement (the Iceberg store's release tables), requests within {@code
 * pollEvery} of the last token read trust it without reading it again, so a publish is seen within
 * that time and a busy service reads the token at most once per interval (docs/design/iceberg.md,
 * section 5.3). The service's query-layer configuration gives the interval as the bean {@value
 * #POLL_EVERY_BEAN}.
 */
@Component
public class SnapshotPointers {
  /** The name of the {@code Duration} bean that says how often the service reads the token. */
  public static final String POLL_EVERY_BEAN = "changeTokenPollEvery";

  static final long MAX_AGE_NANOS = 1_000_000_000L;

  /** The ids the two pointers hold at one moment; null where a pointer is not set yet. */
  public record State(String current, String published) {
    /** Whether a snapshot id is one of the two this state points at. */
    public boolean names(String id) {
      return id != null && (id.equals(current) || id.equals(published));
    }
  }

  /** What was read under one change token, when, and when the token was last read. */
  private record Seen(
      WarehouseReleases.ChangeToken token,
      long readAt,
      long checkedAt,
      State state,
      Set<String> publishedIds) {
    Seen checked(long now) {
      return new Seen(token, readAt, now, state, publishedIds);
    }
  }

  private final WarehouseReleases releases;
  private final long pollEveryNanos;
  private final LongSupplier nanoTime;
  private volatile Seen seen;

  /** Pointers that read the change token on every request (the folder store's three stats). */
  public SnapshotPointers(WarehouseReleases releases) {
    this(releases, Duration.ZERO);
  }

  /** Pointers that read the change token at most once every {@code pollEvery}. */
  @Autowired
  public SnapshotPointers(
      WarehouseReleases releases, @Qualifier(POLL_EVERY_BEAN) Duration pollEvery) {
    this(releases, pollEvery, System::nanoTime);
  }

  SnapshotPointers(WarehouseReleases releases, Duration pollEvery, LongSupplier nanoTime) {
    this.releases = requireNonNull(releases, "releases");
    this.pollEveryNanos = pollEvery.toNanos();
    this.nanoTime = requireNonNull(nanoTime, "nanoTime");
    if (pollEveryNanos < 0 || pollEveryNanos > MAX_AGE_NANOS) {
      throw new IllegalArgumentException("poll every 0 to 1 s, not " + pollEvery);
    }
  }

  public State state() {
    return seen(true).state();
  }

  /** The snapshot a selector stands for now, as {@link SnapshotSelector#resolve} would say. */
  public String resolve(SnapshotSelector selector) {
    if (selector.kind() == SnapshotSelector.Kind.BY_ID) {
      return selector.resolve(releases);
    }
    Optional<String> id = pointer(state(), selector);
    if (id.isPresent()) {
      return id.get();
    }
    // A pointer not set when last read may have been set since (the first publish): the token is
    // read again now, whatever the poll interval, so what this request serves is what the state
    // says to everything else (a submission's receipt), never a release the state does not name.
    id = pointer(seen(false).state(), selector);
    if (id.isPresent()) {
      return id.get();
    }
    // Still not set: the warehouse explains why (nothing loaded, nothing published). Should it
    // have been set in between, the state is read again so that it names what is served.
    String explained = selector.resolve(releases);
    seen(false);
    return explained;
  }

  private static Optional<String> pointer(State state, SnapshotSelector selector) {
    return switch (selector.kind()) {
      case PUBLISHED -> Optional.ofNullable(state.published());
      case CURRENT -> Optional.ofNullable(state.current());
      case BY_ID -> throw new IllegalArgumentException("not a pointer: " + selector);
    };
  }

  /** Whether a snapshot has been released (an older published one stays published). */
  public boolean isPublished(String id) {
    Seen now = seen(true);
    return id.equals(now.state().published()) || now.publishedIds().contains(id);
  }

  /**
   * What was read under the newest token.
   *
   * @param withinInterval whether a token read less than the poll interval ago may be trusted
   */
  private Seen seen(boolean withinInterval) {
    long now = nanoTime.getAsLong();
    Seen last = seen;
    if (withinInterval && last != null && now - last.checkedAt() < pollEveryNanos) {
      return last;
    }
    WarehouseReleases.ChangeToken token = releases.changeToken();
    if (last != null && now - last.readAt() < MAX_AGE_NANOS && last.token().equals(token)) {
      Seen checked = last.checked(now);
      seen = checked;
      return checked;
    }
    // Read after the token: if the warehouse changes in between, what is read is newer than the
    // token it is kept with, and the next token differs and reads it again.
    Seen read =
        new Seen(
            token,
            now,
            now,
            new State(releases.currentId().orElse(null), releases.publishedId().orElse(null)),
            releases.publishedIds());
    seen = read;
    return read;
  }
}
