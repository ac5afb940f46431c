package uk.gov.tfwh.etl.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimeTextTest {
  private static final ObjectMapper FAST_KEEPING_OFFSETS =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .addModule(TimeText.jacksonModule())
          .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
          .build();
  private static final ObjectMapper GENERAL_KEEPING_OFFSETS =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
          .build();

  private static final ObjectMapper FAST =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .addModule(TimeText.jacksonModule())
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
      assertThat(TimeText.parseInstant(text)).as(text).isEqualTo(Instant.parse(text));
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
    assertThat(TimeText.parseInstant(text)).isEqualTo(Instant.parse(text));
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
    assertThatThrownBy(() -> TimeText.parseInstant(text))
        .isInstanceOf(DateTimeParseException.class);
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

  @Test
  void datesAndOffsetTimesThisBuildWritesReadBackAsTheJsr310ModuleReadsThem() throws Exception {
    SplittableRandom random = new SplittableRandom(6122026);
    ObjectMapper writer = JsonMapper.builder().addModule(new JavaTimeModule()).build();
    writer.disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    for (int i = 0; i < 20_000; i++) {
      LocalDate date = LocalDate.ofEpochDay(random.nextLong(-1_000, 60_000));
      int offsetMinutes = random.nextInt(-18 * 4, 18 * 4 + 1) * 15;
      OffsetDateTime time =
          OffsetDateTime.of(
              date,
              LocalTime.ofNanoOfDay(random.nextLong(86_400_000_000_000L))
                  .withNano(i % 3 == 0 ? 0 : random.nextInt(1_000_000_000)),
              ZoneOffset.ofTotalSeconds(offsetMinutes * 60));
      String dateJson = writer.writeValueAsString(date);
      String timeJson = writer.writeValueAsString(time);
      assertThat(FAST_KEEPING_OFFSETS.readValue(dateJson, LocalDate.class))
          .as(dateJson)
          .isEqualTo(GENERAL_KEEPING_OFFSETS.readValue(dateJson, LocalDate.class));
      OffsetDateTime read = FAST_KEEPING_OFFSETS.readValue(timeJson, OffsetDateTime.class);
      OffsetDateTime expected = GENERAL_KEEPING_OFFSETS.readValue(timeJson, OffsetDateTime.class);
      assertThat(read).as(timeJson).isEqualTo(expected);
      assertThat(read.getOffset()).as(timeJson).isEqualTo(expected.getOffset());
      // A mapper that moves times to its zone (Jackson's default) still does.
      assertThat(FAST.readValue(timeJson, OffsetDateTime.class))
          .as(timeJson)
          .isEqualTo(GENERAL.readValue(timeJson, OffsetDateTime.class));
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"2012-08-07T14:00:50+01:00\"",
        "\"2012-08-07T14:00:50Z\"",
        "\"2012-08-07T14:00:50.5-05:30\"",
        "\"2012-08-07T14:00:50+00:00\"",
        "\"2012-08-07T14:00:50-00:00\"",
        "\"2012-08-07T14:00+01:00\"",
        "\"2012-08-07T14:00:50+18:00\"",
        "\"2012-08-07T24:00:00+01:00\"",
        "\"+12012-08-07T14:00:50+01:00\"",
        "\"2012-08-07T14:00:50+0100\"",
        "\"2012-08-07T14:00:50+01:00:30\"",
      })
  void offsetTimesAreReadAsTheJsr310ModuleReadsThem(String json) throws Exception {
    assertThat(tryRead(() -> FAST_KEEPING_OFFSETS.readValue(json, OffsetDateTime.class).toString()))
        .isEqualTo(
            tryRead(
                () -> GENERAL_KEEPING_OFFSETS.readValue(json, OffsetDateTime.class).toString()));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"2014-03-31\"",
        "\"2014-02-29\"",
        "\"2014-13-01\"",
        "\"2014-3-31\"",
        "\"20140331\"",
        "\"+12014-03-31\"",
        "\"2014-03-31T10:00:00\"",
        "[2014,3,31]",
        "\"\"",
      })
  void datesAreReadAsTheJsr310ModuleReadsThem(String json) throws Exception {
    assertThat(tryRead(() -> FAST_KEEPING_OFFSETS.readValue(json, LocalDate.class)))
        .isEqualTo(tryRead(() -> GENERAL_KEEPING_OFFSETS.readValue(json, LocalDate.class)));
  }

  /** The value read, or the kind of exception that refused it. */
  private static Object tryRead(java.util.concurrent.Callable<?> read) {
    try {
      return read.call();
    } catch (Exception e) {
      return e.getClass();
    }
  }
}
