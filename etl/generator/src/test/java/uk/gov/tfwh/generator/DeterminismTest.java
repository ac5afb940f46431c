package uk.gov.tfwh.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The same seed writes the same bytes (workbooks included); another seed writes other returns. */
class DeterminismTest {
  @Test
  void theSameSeedGivesByteIdenticalFilesAndAnotherSeedDoesNot() {
    Map<String, String> first =
        checksums(GeneratedLandings.generate("determinism-a", 5, "0.05", "0.01"));
    Map<String, String> again =
        checksums(GeneratedLandings.generate("determinism-b", 5, "0.05", "0.01"));
    Map<String, String> other =
        checksums(GeneratedLandings.generate("determinism-c", 6, "0.05", "0.01"));

    assertThat(first).hasSizeGreaterThan(5000);
    assertThat(first.keySet()).anyMatch(name -> name.endsWith(".xlsx"));
    assertThat(again).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
    long same =
        other.entrySet().stream().filter(e -> e.getValue().equals(first.get(e.getKey()))).count();
    assertThat(same).as("files identical across seeds").isLessThan(first.size() / 100);
  }

  private static Map<String, String> checksums(Path dir) {
    Map<String, String> sums = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.toList()) {
        sums.put(file.getFileName().toString(), sha256(Files.readAllBytes(file)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sums;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
