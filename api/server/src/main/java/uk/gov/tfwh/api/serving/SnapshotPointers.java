package uk.gov.tfwh.api.serving;

import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import uk.gov.tfwh.warehouse.query.SnapshotSelector;
import uk.gov.tfwh.warehouse.snapshot.SnapshotStore;

/**
 * The warehouse's CURRENT and PUBLISHED pointers and its publications log as every request reads
 * them: through {@link SnapshotStore}, but only again when a file has changed (see {@link
 * WatchedFile}), so a publish is seen by the next request while an unchanged pointer costs one
 * {@code stat}.
 */
@Component
public class SnapshotPointers {
  /** The ids the two pointers hold at one moment; null where a pointer is not set yet. */
  public record State(String current, String published) {
    /** Whether a snapshot id is one of the two this state points at. */
    public boolean names(String id) {
      return id != null && (id.equals(current) || id.equals(published));
    }
  }

  private final SnapshotStore store;
  private final WatchedFile<Optional<String>> current;
  private final WatchedFile<Optional<String>> published;
  private final WatchedFile<Set<String>> publications;

  public SnapshotPointers(SnapshotStore store) {
    this.store = store;
    this.current =
        new WatchedFile<>(store.currentPointerFile(), store::currentId, Optional.empty());
    this.published =
        new WatchedFile<>(store.publishedPointerFile(), store::publishedId, Optional.empty());
    this.publications =
        new WatchedFile<>(store.publicationsLogFile(), store::publishedIds, Set.of());
  }

  public State state() {
    return new State(current.read().orElse(null), published.read().orElse(null));
  }

  /** The snapshot a selector stands for now, as {@link SnapshotSelector#resolve} would say. */
  public String resolve(SnapshotSelector selector) {
    Optional<String> id =
        switch (selector.kind()) {
          case PUBLISHED -> published.read();
          case CURRENT -> current.read();
          case BY_ID -> Optional.of(selector.resolve(store));
        };
    // Missing pointers and unknown ids are explained by the warehouse itself.
    return id.orElseGet(() -> selector.resolve(store));
  }

  /** Whether a snapshot has been released (an older published one stays published). */
  public boolean isPublished(String id) {
    return id.equals(published.read().orElse(null)) || publications.read().contains(id);
  }
}
