package uk.gov.tfwh.etl.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.etl.read.ClaimKeys;
import uk.gov.tfwh.etl.read.ReadReturn;
import uk.gov.tfwh.programme.outcome.ClaimResult;

/**
 * The driver's cache of decoded returns ({@link ReturnReadCache}, docs/load-state.md): every
 * example return comes back equal to itself, including claim keys longer than a {@code DataOutput}
 * string may be; and every entry that is not exactly what this build wrote for that data file
 * (truncated, a byte changed, another file's, another version's, trailing bytes) is a miss, never
 * other returns.
 */
class ReturnReadCacheTest {
  private static final String FILE = "file:/warehouse/tables/tfwh_state/return_read/data/a.parquet";
  private static final String REFERENCE = "reference-1";

  @TempDir Path temp;

  @Test
  void everyExampleReturnComesBackEqual() {
    List<ReadReturn> returns = new ArrayList<>(ExampleReads.of(temp));
    returns.add(withManyClaims(returns.get(0), 3_000));
    assertThat(returns.get(returns.size() - 1).claimKeys().familyRefs().length())
        .isGreaterThan(65_535);
    ReturnReadCache cache = new ReturnReadCache(temp.resolve("cache"));

    assertThat(cache.get(FILE)).isEmpty();
    assertThat(cache.put(FILE, REFERENCE, returns)).isTrue();

    assertThat(cache.has(FILE)).isTrue();
    ReturnReadCache.Entry entry = cache.get(FILE).orElseThrow();
    assertThat(entry.referenceDigest()).isEqualTo(REFERENCE);
    assertThat(entry.returns()).containsExactlyElementsOf(returns);
    for (ReadReturn read : entry.returns()) { // the index kept with the references is theirs
      ClaimKeys keys = read.claimKeys();
      for (int c = 0; c < keys.size(); c++) {
        assertThat(keys.familyHash(c)).isEqualTo(keys.familyRef(c).hashCode());
      }
    }
    assertThat(entry.returns())
        .anyMatch(r -> !r.accepted())
        .anyMatch(r -> r.provenance().viaService())
        .anyMatch(r -> r.findings().stream().anyMatch(f -> f.row() == null))
        .anyMatch(
            r ->
                r.summary()
                    .map(s -> s.submittedAt().getOffset().getTotalSeconds() != 0)
                    .orElse(false));
  }

  @Test
  void anEntryNotExactlyAsWrittenIsAMiss() throws IOException {
    List<ReadReturn> returns = ExampleReads.of(temp);
    byte[] good = ReturnReadCache.encode(FILE, REFERENCE, returns);
    assertThat(ReturnReadCache.decode(FILE, good)).isPresent();

    assertThat(ReturnReadCache.decode("file:/another.parquet", good))
        .as("another file's")
        .isEmpty();
    CacheEntryBytes.damagedCopies(good)
        .forEach((how, bytes) -> assertThat(ReturnReadCache.decode(FILE, bytes)).as(how).isEmpty());
    assertThat(ReturnReadCache.decode(FILE, CacheEntryBytes.withCrc(good.clone())))
        .as("the CRC rewritten")
        .isPresent();
  }

  @Test
  void anUnusableEntryIsRemovedWhenItIsRead() throws IOException {
    ReturnReadCache cache = new ReturnReadCache(temp.resolve("cache"));
    List<ReadReturn> returns = ExampleReads.of(temp).subList(0, 2);
    cache.put(FILE, REFERENCE, returns);
    Path entry;
    try (Stream<Path> entries = Files.list(temp.resolve("cache"))) {
      entry = entries.findFirst().orElseThrow();
    }
    byte[] bytes = Files.readAllBytes(entry);
    bytes[bytes.length / 2] ^= 1;
    Files.write(entry, bytes);

    assertThat(cache.get(FILE)).isEmpty();
    assertThat(cache.has(FILE)).as("removed, so the next load puts it again").isFalse();
    assertThat(cache.put(FILE, REFERENCE, returns)).isTrue();
    assertThat(cache.get(FILE)).hasValueSatisfying(e -> assertThat(e.returns()).isEqualTo(returns));
  }

  @Test
  void keepOnlyRemovesOtherEntriesAndLeftOvers() throws IOException {
    ReturnReadCache cache = new ReturnReadCache(temp.resolve("cache"));
    List<ReadReturn> returns = ExampleReads.of(temp).subList(0, 2);
    cache.put("file:/a", REFERENCE, returns);
    cache.put("file:/b", REFERENCE, returns);
    Files.writeString(temp.resolve("cache").resolve("killed-writer.partial"), "half");

    cache.keepOnly(Set.of("file:/a"));

    assertThat(cache.get("file:/a")).isPresent();
    assertThat(cache.has("file:/b")).isFalse();
    try (Stream<Path> left = Files.list(temp.resolve("cache"))) {
      assertThat(left).hasSize(1);
    }
    new ReturnReadCache(temp.resolve("never-made")).keepOnly(Set.of()); // nothing to tidy
  }

  @Test
  void aCacheThatCannotBeWrittenIsNoFailure() throws IOException {
    Path notAFolder = Files.writeString(temp.resolve("file"), "x");
    ReturnReadCache cache = new ReturnReadCache(notAFolder);

    assertThat(cache.put(FILE, REFERENCE, ExampleReads.of(temp))).isFalse();
    assertThat(cache.get(FILE)).isEmpty();
  }

  /** The return with this many claims, each family reference 32 characters. */
  private static ReadReturn withManyClaims(ReadReturn read, int claims) {
    StringBuilder families = new StringBuilder();
    int[] rows = new int[claims];
    byte[] results = new byte[claims];
    for (int i = 0; i < claims; i++) {
      families.append(i == 0 ? "" : ",").append(String.format("FAM-%028d", i));
      rows[i] = i + 2;
      results[i] = (byte) (i % ClaimResult.values().length);
    }
    return new ReadReturn(
        read.returnId() + "-many",
        read.source(),
        read.batch(),
        Instant.EPOCH,
        read.loadedSnapshotId(),
        read.acceptedSummary(),
        read.fingerprint(),
        claims,
        0,
        ClaimKeys.packed(families.toString(), rows, results),
        read.findings(),
        read.identity(),
        read.provenance());
  }
}
