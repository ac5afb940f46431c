package uk.gov.tfwh.warehouse.iceberg.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class ReleaseTextTest {
  private static final String JSON =
      "{\"authority\": \"Isles of Scilly – Ynys Môn, £1,000 \\\"quoted\\\" it's\", \"n\": 1}";

  @Test
  void aPackedTextIsGzipInBase64AfterItsPrefixAndGivesBackTheSameJson() throws IOException {
    ReleaseText packed = ReleaseText.packing(JSON);

    assertThat(packed.stored()).startsWith("gzip+base64:").doesNotContain("Scilly");
    assertThat(ReleaseText.stored(packed.stored()).json()).isEqualTo(JSON);
    // what docs/runbooks.md tells an operator to run: base64 -d | gunzip after the prefix
    byte[] gzip = Base64.getDecoder().decode(packed.stored().substring("gzip+base64:".length()));
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(JSON);
    }
  }

  @Test
  void aColumnOfJsonAsVersion2WroteItReadsAsItself() {
    ReleaseText old = ReleaseText.stored(JSON);

    assertThat(old.stored()).isEqualTo(JSON);
    assertThat(old.json()).isEqualTo(JSON);
  }

  @Test
  void textsAreEqualByTheirJsonWhicheverWayTheyAreStored() {
    ReleaseText packed = ReleaseText.stored(ReleaseText.packing(JSON).stored());
    ReleaseText old = ReleaseText.stored(JSON);

    assertThat(packed).isEqualTo(old).hasSameHashCodeAs(old);
    assertThat(packed).isNotEqualTo(ReleaseText.stored("{}"));
  }

  @Test
  void emptyJsonAndALargeDocumentRoundTrip() {
    String large =
        "{\"inputs\":[" + "{\"name\":\"E10000016-2013Q1-p1.csv\"},".repeat(20_000) + "{}]}";

    assertThat(ReleaseText.stored(ReleaseText.packing("").stored()).json()).isEmpty();
    ReleaseText packed = ReleaseText.packing(large);
    assertThat(packed.stored().length()).isLessThan(large.length() / 20);
    assertThat(ReleaseText.stored(packed.stored()).json()).isEqualTo(large);
  }

  @Test
  void aPackedTextThatIsNotGzipInBase64IsRefusedAsDamaged() {
    String notBase64 = "gzip+base64:not base64!";
    String notGzip =
        "gzip+base64:" + Base64.getEncoder().encodeToString(JSON.getBytes(StandardCharsets.UTF_8));
    String cut = ReleaseText.packing(JSON).stored();
    String truncated = cut.substring(0, cut.length() - 12);

    for (String damaged : new String[] {notBase64, notGzip, truncated}) {
      assertThatThrownBy(() -> ReleaseText.stored(damaged).json())
          .as(damaged)
          .isInstanceOf(ReleaseException.class)
          .hasMessageStartingWith("a release's document is damaged: its text starts with");
    }
  }
}
