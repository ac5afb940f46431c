package uk.gov.tfwh.returns.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.gov.tfwh.returns.ReturnWriter;
import uk.gov.tfwh.returns.model.Finding;

/**
 * Every kind of invalid UTF-8, in the summary or the claims file, refuses the return (TFQR-F01)
 * with the position of the first bad byte; nothing is decoded into replacement characters.
 */
class InvalidUtf8Test {
  @TempDir Path dir;

  /** Overlong '/', lone continuation, UTF-16 surrogate, beyond U+10FFFF, 0xFF, Latin-1 'é'. */
  @ParameterizedTest
  @ValueSource(strings = {"c0af", "80", "eda080", "f4908080", "ff", "e9"})
  void inTheSummaryFile(String hex) throws IOException {
    new ReturnWriter(dir).set("sro_sign_off", "A. Director").write("r");
    Path file = dir.resolve("r.summary.csv");
    String text = Files.readString(file);
    int at = text.indexOf("A. Director") + 2;
    byte[] bytes = splice(text, at, HexFormat.of().parseHex(hex));
    Files.write(file, bytes);

    HostileFiles.Reading reading = HostileFiles.readOnlyReturn(dir);

    assertThat(reading.outcome().accepted()).isFalse();
    assertThat(reading.outcome().findings())
        .extracting(Finding::ruleId)
        .containsExactly("TFQR-F01");
    assertThat(reading.outcome().findings().get(0).message())
        .contains("r.summary.csv", "byte " + (utf8Length(text.substring(0, at)) + 1), "line 2");
  }

  /** A multi-byte character cut short by the end of the file. */
  @ParameterizedTest
  @ValueSource(strings = {"e282", "f09f98"})
  void truncatedAtTheEndOfTheClaimsFile(String hex) throws IOException {
    new ReturnWriter(dir)
        .claim("fam-000000000001-9f3a,2015-04-07,SUSTAINED_PROGRESS,2015-06-12,CRIME_ASB")
        .write("r");
    Path file = dir.resolve("r.claims.csv");
    String text = Files.readString(file);
    Files.write(file, splice(text, text.length(), HexFormat.of().parseHex(hex)));

    HostileFiles.Reading reading = HostileFiles.readOnlyReturn(dir);

    assertThat(reading.outcome().accepted()).isFalse();
    assertThat(reading.outcome().findings()).extracting(Finding::ruleId).contains("TFQR-F01");
    assertThat(reading.outcome().claims()).isEmpty();
    assertThat(reading.outcome().claimRowsRead()).isEqualTo(reading.outcome().claimRowsRejected());
  }

  private static byte[] splice(String text, int at, byte[] bad) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(text.substring(0, at).getBytes(StandardCharsets.UTF_8));
    out.writeBytes(bad);
    out.writeBytes(text.substring(at).getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  private static int utf8Length(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }
}
