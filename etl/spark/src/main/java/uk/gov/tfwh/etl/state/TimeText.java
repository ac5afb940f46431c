package uk.gov.tfwh.etl.state;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Function;

/**
 * Dates and times as this build writes them read without {@code DateTimeFormatter}: instants
 * ({@link Instant#toString()}: {@code 2026-12-06T10:21:10.008260821Z}), dates ({@code 2014-03-31})
 * and times with their offset ({@code 2012-08-07T14:00:50+01:00}). A load reads thousands of them
 * on a long history (one instant per landing file from the previous manifest; per return of the
 * previous state, its receipt, its quarter and its signing time), and the formatter's general
 * parser costs microseconds each on the load's short-lived JVM. Any other form (a leap second, a
 * year past 9999, a bad date, another pattern) is left to {@link Instant#parse} (in JSON, to the
 * JSR-310 module's readers), so what is accepted or refused and the value read are as before.
 */
public final class TimeText {
  private static final int SECONDS_PER_DAY = 86_400;

  private TimeText() {}

  /** The instant of an ISO-8601 text in UTC, as {@link Instant#parse} reads it. */
  public static Instant parseInstant(String text) {
    Instant canonical = instant(text);
    return canonical != null ? canonical : Instant.parse(text);
  }

  /**
   * A Jackson module reading {@link Instant}, {@link LocalDate} and {@link OffsetDateTime} values
   * this way. Register it after the JSR-310 module (a later module's readers win).
   */
  public static SimpleModule jacksonModule() {
    SimpleModule module = new SimpleModule("tfwh-time-text");
    module.addDeserializer(
        Instant.class, new Reader<>(TimeText::instant, InstantDeserializer.INSTANT, false));
    module.addDeserializer(
        LocalDate.class, new Reader<>(TimeText::date, LocalDateDeserializer.INSTANCE, false));
    // A time with its offset is kept as written, unless the mapper moves times to its zone.
    module.addDeserializer(
        OffsetDateTime.class,
        new Reader<>(TimeText::offsetDateTime, InstantDeserializer.OFFSET_DATE_TIME, true));
    return module;
  }

  /** {@code uuuu-MM-ddTHH:mm:ss} with 0 to 9 fraction digits and {@code Z}, or null. */
  private static Instant instant(String text) {
    int length = text.length();
    if (length < 20 || text.charAt(length - 1) != 'Z') {
      return null;
    }
    LocalDateTime time = dateTime(text, length - 1);
    return time == null
        ? null
        : Instant.ofEpochSecond(
            time.toLocalDate().toEpochDay() * SECONDS_PER_DAY + time.toLocalTime().toSecondOfDay(),
            time.getNano());
  }

  /** {@code uuuu-MM-dd}, or null. */
  private static LocalDate date(String text) {
    if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 7);
    int day = digits(text, 8, 10);
    if (year < 0 || month < 0 || day < 0) {
      return null;
    }
    try {
      return LocalDate.of(year, month, day);
    } catch (DateTimeException e) {
      return null; // a date that does not exist: the general parser says why
    }
  }

  /** {@code uuuu-MM-ddTHH:mm:ss}, 0 to 9 fraction digits, then {@code Z} or {@code ±HH:MM}. */
  private static OffsetDateTime offsetDateTime(String text) {
    int length = text.length();
    if (length < 20) {
      return null;
    }
    int end;
    ZoneOffset offset;
    if (text.charAt(length - 1) == 'Z') {
      end = length - 1;
      offset = ZoneOffset.UTC;
    } else {
      end = length - 6;
      char sign = text.charAt(end);
      if ((sign != '+' && sign != '-') || text.charAt(length - 3) != ':') {
        return null;
      }
      int hours = digits(text, end + 1, end + 3);
      int minutes = digits(text, end + 4, length);
      if (hours < 0 || minutes < 0 || hours > 17 || minutes > 59) {
        return null;
      }
      int seconds = (hours * 3_600 + minutes * 60) * (sign == '-' ? -1 : 1);
      if (seconds == 0 && sign == '-') {
        return null; // -00:00: as the general parser reads it
      }
      offset = ZoneOffset.ofTotalSeconds(seconds);
    }
    LocalDateTime time = dateTime(text, end);
    return time == null ? null : OffsetDateTime.of(time, offset);
  }

  /** {@code text[0, end)} as {@code uuuu-MM-ddTHH:mm:ss} with 0 to 9 fraction digits, or null. */
  private static LocalDateTime dateTime(String text, int end) {
    if (end < 19 || end > 29) {
      return null;
    }
    if (text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':') {
      return null;
    }
    if (text.charAt(4) != '-' || text.charAt(7) != '-') {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 7);
    int day = digits(text, 8, 10);
    int hour = digits(text, 11, 13);
    int minute = digits(text, 14, 16);
    int second = digits(text, 17, 19);
    if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
      return null;
    }
    if (hour > 23 || minute > 59 || second > 59) {
      return null; // the general parser's reading of 24:00 and of leap seconds stands
    }
    int nanos = 0;
    if (end > 19) {
      int fractionDigits = end - 20;
      if (text.charAt(19) != '.' || fractionDigits < 1) {
        return null;
      }
      int fraction = digits(text, 20, end);
      if (fraction < 0) {
        return null;
      }
      nanos = fraction;
      for (int i = fractionDigits; i < 9; i++) {
        nanos *= 10;
      }
    }
    try {
      return LocalDateTime.of(year, month, day, hour, minute, second, nanos);
    } catch (DateTimeException e) {
      return null; // a date that does not exist: the general parser says why
    }
  }

  /** The decimal value of text[from, to), or -1 when a character is not an ASCII digit. */
  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  /**
   * Reads a string of the canonical form quickly and anything else (another form, a number, a
   * mapper that moves times to its own zone when {@code movesToZone}) as the JSR-310 module does.
   */
  private static final class Reader<T> extends JsonDeserializer<T> {
    private final Function<String, T> canonical;
    private final JsonDeserializer<T> general;
    private final boolean movesToZone;

    Reader(Function<String, T> canonical, JsonDeserializer<T> general, boolean movesToZone) {
      this.canonical = canonical;
      this.general = general;
      this.movesToZone = movesToZone;
    }

    @Override
    public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      if (parser.currentToken() == JsonToken.VALUE_STRING
          && !(movesToZone
              && context.isEnabled(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE))) {
        T value = canonical.apply(parser.getText());
        if (value != null) {
          return value;
        }
      }
      return general.deserialize(parser, context);
    }
  }
}
