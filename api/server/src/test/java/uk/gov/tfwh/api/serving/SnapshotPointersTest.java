package uk.gov.tfwh.api.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import uk.gov.tfwh.warehouse.query.SnapshotSelector;
import uk.gov.tfwh.warehouse.query.SnapshotUnavailableException;
import uk.gov.tfwh.warehouse.release.WarehouseReleases;
import uk.gov.tfwh.warehouse.snapshot.SnapshotManifest;

/** How often the pointers read the releases' change token, on a clock the test moves. */
class SnapshotPointersTest {
  private static final long MS = 1_000_000L;

  /** Releases whose pointers the test sets, counting the token reads. */
  private static final class CountingReleases implements WarehouseReleases {
    String current;
    String published;
    final List<Publication> publications = new ArrayList<>();
    int tokenReads;

    void publish(String id) {
      published = id;
      publications.add(new Publication(Instant.EPOCH, id));
    }

    @Override
    public Optional<String> currentId() {
      return Optional.ofNullable(current);
    }

    @Override
    public Optional<String> publishedId() {
      return Optional.ofNullable(published);
    }

    @Override
    public boolean isCommitted(String id) {
      return id.equals(current) || id.equals(published);
    }

    @Override
    public SnapshotManifest manifest(String id) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<SnapshotManifest> list() {
      return List.of();
    }

    @Override
    public List<Publication> publications() {
      return List.copyOf(publications);
    }

    @Override
    public ChangeToken changeToken() {
      tokenReads++;
      return new ChangeToken(current + "/" + published + "/" + publications.size());
    }

    @Override
    public String location() {
      return "counting";
    }
  }

  private final CountingReleases releases = new CountingReleases();
  private final AtomicLong now = new AtomicLong(1_000 * MS);

  @Test
  void withAPollIntervalTheTokenIsReadAtMostOncePerIntervalAndAPublishIsSeenAfterIt() {
    releases.current = "a";
    SnapshotPointers pointers = new SnapshotPointers(releases, Duration.ofMillis(200), now::get);
    assertThat(pointers.resolve(SnapshotSelector.current())).isEqualTo("a");
    int afterFirst = releases.tokenReads;

    for (int request = 0; request < 50; request++) {
      now.addAndGet(3 * MS);
      pointers.state();
    }
    releases.publish("a");
    now.addAndGet(40 * MS);
    assertThat(pointers.state().published()).as("still within 200 ms of the last read").isNull();

    now.addAndGet(10 * MS);
    assertThat(pointers.state().published()).isEqualTo("a");
    assertThat(pointers.isPublished("a")).isTrue();
    // 200 ms of requests after the first read: one more read, once the interval ran out
    assertThat(releases.tokenReads - afterFirst).isEqualTo(1);
  }

  @Test
  void withoutAPollIntervalEveryRequestReadsTheToken() {
    releases.current = "a";
    SnapshotPointers pointers = new SnapshotPointers(releases, Duration.ZERO, now::get);

    for (int request = 0; request < 5; request++) {
      pointers.state();
    }
    releases.publish("a");

    assertThat(pointers.state().published()).isEqualTo("a");
    assertThat(releases.tokenReads).isEqualTo(6);
  }

  @Test
  void theFirstPublishIsServedAndNamedByTheStateAtOnceEvenWithinTheInterval() {
    releases.current = "a";
    SnapshotPointers pointers = new SnapshotPointers(releases, Duration.ofMillis(200), now::get);
    assertThat(pointers.state().published()).isNull();

    releases.publish("a");
    now.addAndGet(40 * MS);

    assertThat(pointers.resolve(SnapshotSelector.published())).isEqualTo("a");
    assertThat(pointers.state().published())
        .as("what a receipt reads agrees with what the figures serve")
        .isEqualTo("a");
    assertThat(pointers.isPublished("a")).isTrue();
  }

  @Test
  void aPointerNotSetIsExplainedByTheWarehouseAndLooksAgainOnTheNextRequest() {
    SnapshotPointers pointers = new SnapshotPointers(releases, Duration.ofMillis(200), now::get);

    assertThatThrownBy(() -> pointers.resolve(SnapshotSelector.current()))
        .isInstanceOf(SnapshotUnavailableException.class);
    assertThatThrownBy(() -> pointers.resolve(SnapshotSelector.published()))
        .isInstanceOf(SnapshotUnavailableException.class);

    releases.current = "b";
    now.addAndGet(MS);
    assertThat(pointers.resolve(SnapshotSelector.current())).isEqualTo("b");
    assertThat(pointers.state().current()).isEqualTo("b");
  }
}
