package uk.gov.tfwh.api.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class GzipCodingTest {
  @Test
  void gzipIsAcceptedWhenListedOrCoveredByAWildcardAndNotRefused() {
    assertThat(GzipCoding.accepted("gzip")).isTrue();
    assertThat(GzipCoding.accepted("deflate, GZIP;q=0.5, br")).isTrue();
    assertThat(GzipCoding.accepted("x-gzip")).isTrue();
    assertThat(GzipCoding.accepted("*")).isTrue();
    assertThat(GzipCoding.accepted("br;q=1.0, *;q=0.1")).isTrue();

    assertThat(GzipCoding.accepted(null)).isFalse();
    assertThat(GzipCoding.accepted("")).isFalse();
    assertThat(GzipCoding.accepted("identity")).isFalse();
    assertThat(GzipCoding.accepted("br, deflate")).isFalse();
    assertThat(GzipCoding.accepted("gzip;q=0")).isFalse();
    assertThat(GzipCoding.accepted("gzip; q=0.000, *")).isFalse();
    assertThat(GzipCoding.accepted("*;q=0")).isFalse();
    assertThat(GzipCoding.accepted("gzipped")).isFalse();
  }

  @Test
  void aLargeBodyIsCompressedAndDecompressesToItself() throws IOException {
    byte[] body =
        "{\"authority_code\":\"E06000027\"},".repeat(200).getBytes(StandardCharsets.UTF_8);

    byte[] compressed = GzipCoding.compress(body);

    assertThat(compressed).isNotNull().hasSizeLessThan(body.length / 4);
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
      assertThat(in.readAllBytes()).isEqualTo(body);
    }
  }

  @Test
  void aSmallBodyIsNotWorthCompressing() {
    assertThat(GzipCoding.compress("{\"snapshot\":\"s1\"}".getBytes(StandardCharsets.UTF_8)))
        .isNull();
  }

  @Test
  void theCompressedRepresentationHasItsOwnStrongEtag() {
    assertThat(GzipCoding.etag("\"s1-abc\"")).isEqualTo("\"s1-abc-gzip\"");
  }
}
