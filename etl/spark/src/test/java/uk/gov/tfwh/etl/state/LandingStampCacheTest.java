package uk.gov.tfwh.etl.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.returns.read.FileChecksums.Stamp;

/**
 * The driver's cache of landing stamps ({@link LandingStampCache}, docs/load-state.md): stamps come
 * back equal, whatever their names and numbers; every entry that is not exactly what this build
 * wrote for that data file is a miss, never other stamps; and it keeps its own folder, so tidying
 * it leaves the returns' cache alone.
 */
class LandingStampCacheTest {
  private static final String FILE =
      "file:/warehouse/tables/tfwh_state/landing_file/data/state-1.parquet";
  private static final String SHA = "ab".repeat(32);

  @TempDir Path temp;

  private static final List<Stamp> STAMPS =
      List.of(
          new Stamp("E06000001-2015Q1-p1.summary.csv", 1234567L, 2048L, 1L, 2L, SHA),
          new Stamp("Bristol/Ménage à trois ☃ returns.xlsx", 0L, 0L, 0L, 0L, SHA),
          new Stamp("x".repeat(70_000), Long.MAX_VALUE, Long.MAX_VALUE, Long.MIN_VALUE, -1L, "0"),
          new Stamp("", -5L, 7L, 1_733_000_000_123_456_789L, 1_733_000_000_123_456_790L, ""));

  @Test
  void stampsComeBackEqualInTheirOrder() {
    LandingStampCache cache = new LandingStampCache(temp.resolve("cache"));

    assertThat(cache.get(FILE)).isEmpty();
    assertThat(cache.put(FILE, STAMPS)).isTrue();
    assertThat(cache.put("file:/empty.parquet", List.of())).isTrue();

    assertThat(cache.has(FILE)).isTrue();
    assertThat(cache.get(FILE)).hasValue(STAMPS);
    assertThat(cache.get("file:/empty.parquet")).hasValue(List.of());
  }

  @Test
  void anEntryNotExactlyAsWrittenIsAMiss() throws IOException {
    byte[] good = LandingStampCache.encode(FILE, STAMPS);
    assertThat(LandingStampCache.decode(FILE, good)).hasValue(STAMPS);

    assertThat(LandingStampCache.decode("file:/another.parquet", good))
        .as("another file's")
        .isEmpty();
    CacheEntryBytes.damagedCopies(good)
        .forEach(
            (how, bytes) -> assertThat(LandingStampCache.decode(FILE, bytes)).as(how).isEmpty());
    assertThat(LandingStampCache.decode(FILE, CacheEntryBytes.withCrc(good.clone())))
        .as("the CRC rewritten")
        .hasValue(STAMPS);
    // A returns entry of the same file, with a right CRC, is not stamps.
    byte[] returns = ReturnReadCache.encode(FILE, "reference", List.of());
    assertThat(LandingStampCache.decode(FILE, returns)).as("the returns' form").isEmpty();
  }

  @Test
  void anEntryCountingMoreStampsThanItHoldsIsAMiss() throws IOException {
    byte[] good = LandingStampCache.encode(FILE, STAMPS.subList(0, 1));
    // magic, form version, state format, the location's length and bytes: then the count
    int countAt = 8 + 4 + 4 + 4 + FILE.length();
    for (int count : new int[] {2, -1, Integer.MAX_VALUE}) {
      byte[] edited = good.clone();
      java.nio.ByteBuffer.wrap(edited).putInt(countAt, count);
      assertThat(LandingStampCache.decode(FILE, CacheEntryBytes.withCrc(edited)))
          .as("a count of " + count)
          .isEmpty();
    }
  }

  @Test
  void eachCacheTidiesOnlyItsOwnFolder() throws IOException {
    StateCaches caches = StateCaches.in(temp.resolve("warehouse"));
    caches.stamps().put(FILE, STAMPS);
    caches.returns().put(FILE, "reference", List.of());
    Files.writeString(
        temp.resolve("warehouse").resolve(LandingStampCache.FOLDER).resolve("killed.partial"),
        "half");

    caches.stamps().keepOnly(Set.of());

    assertThat(caches.stamps().has(FILE)).isFalse();
    assertThat(caches.returns().get(FILE)).as("the returns' entry stays").isPresent();
    try (var left = Files.list(temp.resolve("warehouse").resolve(LandingStampCache.FOLDER))) {
      assertThat(left).as("what a killed writer left is gone too").isEmpty();
    }
  }

  @Test
  void aCacheThatCannotBeWrittenIsNoFailure() throws IOException {
    LandingStampCache cache = new LandingStampCache(Files.writeString(temp.resolve("file"), "x"));

    assertThat(cache.put(FILE, STAMPS)).isFalse();
    assertThat(cache.get(FILE)).isEmpty();
  }
}
