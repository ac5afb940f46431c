package uk.gov.tfwh.etl.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InstantTextTest {
  private static final ObjectMapper FAST =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .addModule(InstantText.jacksonModule())
          .build();
  private static final ObjectMapper GENERAL =
      JsonMapper.builder().addModule(new JavaTimeModule()).build();

  @Test
  void everyInstantThisBuildWritesReadsBackAsInstantParseReadsIt() {
    SplittableRandom random = new SplittableRandom(20261206);
    for (int i = 0; i < 100_000; i++) {
      // 1970 to 2100, with 0, 3, 6 or 9 fraction digits as Instant.toString() writes them
      long seconds = random.nextLong(0, 4_102_444_800L);
      int nanos =
          switch (i % 4) {
            case 0 -> 0;
            case 1 -> random.nextInt(1000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1_000;
            default -> random.nextInt(1_000_000_000);
          };
      String text = Instant.ofEpochSecond(seconds, nanos).toString();
      assertThat(InstantText.parse(text)).as(text).isEqualTo(Instant.parse(text));
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-12-06T10:21:10Z",
        "2026-12-06T10:21:10.1Z",
        "2026-12-06T10:21:10.12Z",
        "2026-12-06T10:21:10.1234Z",
        "2026-12-06T10:21:10.12345678Z",
        "2026-12-06T10:21:10.000000001Z",
        "2024-02-29T23:59:59.999999999Z",
        "0000-01-01T00:00:00Z",
        "1969-12-31T23:59:59.5Z",
        "9999-12-31T23:59:59Z",
        // Not the canonical form: Instant.parse reads them
        "2026-12-06T10:21:10+01:00",
        "2026-12-06T24:00:00Z",
        "2026-12-06T10:21:10.Z",
        "+10000-01-01T00:00:00Z",
        "-0001-01-01T00:00:00Z",
        "2026-12-31T23:59:60Z",
        "2026-12-06t10:21:10z",
      })
  void theSameInstantAsInstantParseForAnyTextItReads(String text) {
    assertThat(InstantText.parse(text)).isEqualTo(Instant.parse(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-02-29T10:21:10Z",
        "2026-13-01T10:21:10Z",
        "2026-12-32T10:21:10Z",
        "2026-12-06T10:21Z",
        "2026-12-06T10:60:00Z",
        "2026-12-06T10:21:61Z",
        "2026-12-06T10:21:10.1234567890Z",
        "2026-12-06T10:21:1xZ",
        "2026-12-06 10:21:10Z",
        "2026-12-06T10:21:10",
        "２０２６-12-06T10:21:10Z",
        "",
      })
  void refusesWhatInstantParseRefuses(String text) {
    assertThatThrownBy(() -> Instant.parse(text)).isInstanceOf(DateTimeParseException.class);
    assertThatThrownBy(() -> InstantText.parse(text)).isInstanceOf(DateTimeParseException.class);
  }

  @Test
  void jsonReadsTheSameInstantsAsTheJsr310ModuleAndRefusesTheSameTexts() throws Exception {
    for (String json :
        new String[] {
          "\"2026-12-06T10:21:10.008260821Z\"",
          "\"2026-12-06T10:21:10+01:00\"",
          "1733480470.5",
          "1733480470",
          "null",
        }) {
      assertThat(FAST.readValue(json, Instant.class))
          .as(json)
          .isEqualTo(GENERAL.readValue(json, Instant.class));
    }
    assertThatThrownBy(() -> FAST.readValue("\"2026-02-29T10:21:10Z\"", Instant.class))
        .isInstanceOf(com.fasterxml.jackson.databind.JsonMappingException.class);
  }
}
