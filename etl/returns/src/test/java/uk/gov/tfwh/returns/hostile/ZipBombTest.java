package uk.gov.tfwh.returns.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.returns.model.Finding;
import uk.gov.tfwh.returns.read.ReadLimits;

/**
 * Workbooks that unzip to a gigabyte are refused (TFQR-F03) with a message, quickly and without the
 * reader holding what they expand to, whether their zip headers tell the truth or lie.
 */
class ZipBombTest {
  private static final long GIB = 1024L * ReadLimits.MIB;

  /** Deflating a gigabyte takes seconds, so both tests copy one bomb made once. */
  @TempDir static Path made;

  private static Path bomb;

  @TempDir Path dir;

  @BeforeAll
  static void makeBomb() throws IOException {
    bomb = bomb(made.resolve("bomb.xlsx"), GIB);
  }

  /** The Bristol workbook whose claims sheet is padded with {@code spaces} bytes of whitespace. */
  private static Path bomb(Path file, long spaces) throws IOException {
    String claims = HostileFiles.examplePart(HostileFiles.CLAIMS_SHEET);
    int at = claims.indexOf("<sheetData>") + "<sheetData>".length();
    return HostileFiles.workbook(
        file,
        Map.of(
            HostileFiles.CLAIMS_SHEET,
            out -> {
              try {
                out.write(
                    claims.substring(0, at).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                HostileFiles.spaces(out, spaces);
                out.write(claims.substring(at).getBytes(java.nio.charset.StandardCharsets.UTF_8));
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            }));
  }

  @Test
  void aGigabyteBombIsRefusedFromItsHeaders() throws IOException {
    Path bomb = Files.copy(ZipBombTest.bomb, dir.resolve("bomb.xlsx"));
    assertThat(Files.size(bomb)).as("expands over 100 times").isLessThan(GIB / 100);

    HostileFiles.Reading reading = HostileFiles.readOnlyReturn(dir);

    assertThat(reading.outcome().accepted()).isFalse();
    assertThat(reading.outcome().findings())
        .extracting(Finding::ruleId)
        .containsExactly("TFQR-F03");
    assertThat(reading.outcome().findings().get(0).message()).contains("bomb.xlsx", "zip bomb");
    assertThat(reading.allocatedBytes()).isLessThan(64 * ReadLimits.MIB);
    assertThat(reading.millis()).isLessThan(10_000);
  }

  @Test
  void aBombWhoseHeadersLieIsRefusedWhileItInflates() throws IOException {
    Path bomb = Files.copy(ZipBombTest.bomb, dir.resolve("bomb.xlsx"));
    HostileFiles.lieAboutSize(bomb, HostileFiles.CLAIMS_SHEET);
    try (var zip = new java.util.zip.ZipFile(bomb.toFile())) {
      var entry = zip.getEntry(HostileFiles.CLAIMS_SHEET);
      assertThat(entry.getSize()).as("the headers now lie").isEqualTo(entry.getCompressedSize());
    }

    HostileFiles.Reading reading = HostileFiles.readOnlyReturn(dir);

    assertThat(reading.outcome().accepted()).isFalse();
    assertThat(reading.outcome().findings())
        .extracting(Finding::ruleId)
        .containsExactly("TFQR-F03");
    assertThat(reading.outcome().findings().get(0).message()).contains("zip bomb");
    // Refused long before a gigabyte is inflated, let alone held.
    assertThat(reading.allocatedBytes()).isLessThan(256 * ReadLimits.MIB);
    assertThat(reading.millis()).isLessThan(10_000);
  }
}
