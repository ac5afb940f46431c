package uk.gov.tfwh.api.serving;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import uk.gov.tfwh.api.access.Viewer;

/**
 * Responses already served, as bytes, for the pointers' state they were read under. A snapshot
 * never changes, so while neither pointer moves, the same request from the same viewer gets the
 * same answer: the key holds the viewer (role, authority and name, so nobody is served what another
 * may see) and everything a response depends on (path, query, representation), and the whole cache
 * belongs to one {@link SnapshotPointers.State}. When a pointer moves, the next request starts a
 * new, empty generation, so a publish is served at once and nothing read from the old pointers is
 * served again. Bounded in entries and bytes; when full, the oldest kept responses make room for
 * the new one (a full cache used to refuse every new entry, so varying a parameter nobody reads
 * could fill it and leave every later question uncached until the next publish).
 */
final class ServedResponses {
  /** What identifies a response within one state of the pointers. */
  record Key(Viewer viewer, boolean secure, String path, String query, String accept) {
    Key {
      requireNonNull(viewer, "viewer");
      requireNonNull(path, "path");
    }
  }

  /**
   * A 200 response as sent: its own headers (not those the filters around it add) and body, and the
   * body gzipped once for the clients that accept it (null when not worth compressing).
   */
  record Served(
      String contentType, Map<String, List<String>> headers, byte[] body, byte[] gzipped) {
    Served {
      headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
      requireNonNull(body, "body");
    }

    static Served of(String contentType, Map<String, List<String>> headers, byte[] body) {
      return new Served(contentType, headers, body, GzipCoding.compress(body));
    }

    long bytes() {
      return body.length + (gzipped == null ? 0 : gzipped.length);
    }
  }

  private record Generation(
      SnapshotPointers.State state,
      Map<Key, Served> entries,
      AtomicLong bytes,
      Queue<Key> oldestFirst) {}

  private final int maxEntries;
  private final long maxBytes;
  private final AtomicReference<Generation> generation = new AtomicReference<>();

  ServedResponses(int maxEntries, long maxBytes) {
    this.maxEntries = maxEntries;
    this.maxBytes = maxBytes;
  }

  /** The response kept for this key under exactly this state, or null. */
  Served get(SnapshotPointers.State state, Key key) {
    Generation current = generation.get();
    return current != null && current.state().equals(state) ? current.entries().get(key) : null;
  }

  /** Keeps a response read under this state, unless the cache is full. */
  void put(SnapshotPointers.State state, Key key, Served served) {
    Generation current = generation.get();
    if (current == null || !current.state().equals(state)) {
      Generation fresh =
          new Generation(
              state, new ConcurrentHashMap<>(), new AtomicLong(), new ConcurrentLinkedQueue<>());
      // Another request may have started this state's generation first: use whichever won.
      current = generation.compareAndSet(current, fresh) ? fresh : generation.get();
      if (!current.state().equals(state)) {
        return;
      }
    }
    long length = served.bytes();
    if (length > maxBytes || current.entries().putIfAbsent(key, served) != null) {
      return;
    }
    current.oldestFirst().add(key);
    current.bytes().addAndGet(length);
    while (current.entries().size() > maxEntries || current.bytes().get() > maxBytes) {
      Key oldest = current.oldestFirst().poll();
      if (oldest == null) {
        break;
      }
      Served evicted = current.entries().remove(oldest);
      if (evicted != null) {
        current.bytes().addAndGet(-evicted.bytes());
      }
    }
  }

  /** Whether a response is kept for this key under this state (for tests). */
  boolean holds(SnapshotPointers.State state, Key key) {
    return get(state, key) != null;
  }

  /** Responses kept now (for tests). */
  int size() {
    Generation current = generation.get();
    return current == null ? 0 : current.entries().size();
  }
}
