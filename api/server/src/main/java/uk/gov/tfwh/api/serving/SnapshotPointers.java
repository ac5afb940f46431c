package uk.gov.tfwh.api.serving;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.Set;
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
 */
@Component
public class SnapshotPointers {
  static final long MAX_AGE_NANOS = 1_000_000_000L;

  /** The ids the two pointers hold at one moment; null where a pointer is not set yet. */
  public record State(String current, String published) {
    /** Whether a snapshot id is one of the two this state points at. */
    public boolean names(String id) {
      return id != null && (id.equals(current) || id.equals(published));
    }
  }

  /** What was read under one change token, and when. */
  private record Seen(
      WarehouseReleases.ChangeToken token, long readAt, State state, Set<String> publishedIds) {}

  private final WarehouseReleases releases;
  private volatile Seen seen;

  public SnapshotPointers(WarehouseReleases releases) {
    this.releases = requireNonNull(releases, "releases");
  }

  public State state() {
    return seen().state();
  }

  /** The snapshot a selector stands for now, as {@link SnapshotSelector#resolve} would say. */
  public String resolve(SnapshotSelector selector) {
    State state = state();
    Optional<String> id =
        switch (selector.kind()) {
          case PUBLISHED -> Optional.ofNullable(state.published());
          case CURRENT -> Optional.ofNullable(state.current());
          case BY_ID -> Optional.of(selector.resolve(releases));
        };
    // Missing pointers and unknown ids are explained by the warehouse itself.
    return id.orElseGet(() -> selector.resolve(releases));
  }

  /** Whether a snapshot has been released (an older published one stays published). */
  public boolean isPublished(String id) {
    Seen now = seen();
    return id.equals(now.state().published()) || now.publishedIds().contains(id);
  }

  private Seen seen() {
    WarehouseReleases.ChangeToken token = releases.changeToken();
    long now = System.nanoTime();
    Seen last = seen;
    if (last != null && now - last.readAt() < MAX_AGE_NANOS && last.token().equals(token)) {
      return last;
    }
    // Read after the token: if the warehouse changes in between, what is read is newer than the
    // token it is kept with, and the next token differs and reads it again.
    Seen read =
        new Seen(
            token,
            now,
            new State(releases.currentId().orElse(null), releases.publishedId().orElse(null)),
            releases.publishedIds());
    seen = read;
    return read;
  }
}
