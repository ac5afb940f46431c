package uk.gov.tfwh.etl.state;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Instants as this build writes them ({@link Instant#toString()}: {@code
 * 2026-12-06T10:21:10.008260821Z}) read without {@code DateTimeFormatter}. A load reads one per
 * landing file from the previous manifest and one per return from the previous state, thousands on
 * a long history, and the formatter's general parser costs microseconds each on the load's
 * short-lived JVM. Any other form (an offset, a leap second, a year past 9999, a bad date) is left
 * to {@link Instant#parse} (in JSON, to the JSR-310 module's reader), so what is accepted or
 * refused and the value read are the same as before.
 */
public final class InstantText {
  private static final int SECONDS_PER_DAY = 86_400;

  private InstantText() {}

  /** The instant of an ISO-8601 text in UTC, as {@link Instant#parse} reads it. */
  public static Instant parse(String text) {
    Instant canonical = canonical(text);
    return canonical != null ? canonical : Instant.parse(text);
  }

  /** A Jackson module reading {@link Instant} values with {@link #parse}. */
  public static SimpleModule jacksonModule() {
    SimpleModule module = new SimpleModule("tfwh-instant-text");
    module.addDeserializer(Instant.class, new Deserializer());
    return module;
  }

  /**
   * {@code uuuu-MM-ddTHH:mm:ss} with 0 to 9 fraction digits and {@code Z}, or null for anything
   * else.
   */
  private static Instant canonical(String text) {
    int length = text.length();
    if (length < 20 || length > 30 || text.charAt(length - 1) != 'Z') {
      return null;
    }
    if (text.charAt(4) != '-'
        || text.charAt(7) != '-'
        || text.charAt(10) != 'T'
        || text.charAt(13) != ':'
        || text.charAt(16) != ':') {
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
      return null; // Instant.parse's reading of 24:00 and of leap seconds stands
    }
    int nanos = 0;
    if (length > 20) {
      int fractionDigits = length - 21;
      if (text.charAt(19) != '.' || fractionDigits < 1) {
        return null;
      }
      int fraction = digits(text, 20, length - 1);
      if (fraction < 0) {
        return null;
      }
      nanos = fraction;
      for (int i = fractionDigits; i < 9; i++) {
        nanos *= 10;
      }
    } else if (text.charAt(19) != 'Z') {
      return null;
    }
    long epochDay;
    try {
      epochDay = LocalDate.of(year, month, day).toEpochDay();
    } catch (DateTimeException e) {
      return null; // a date that does not exist: Instant.parse says why
    }
    return Instant.ofEpochSecond(
        epochDay * SECONDS_PER_DAY + hour * 3_600L + minute * 60L + second, nanos);
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

  /** The fast reading of a canonical text; anything else as the JSR-310 module reads it. */
  private static final class Deserializer extends JsonDeserializer<Instant> {
    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      if (parser.currentToken() == JsonToken.VALUE_STRING) {
        Instant canonical = canonical(parser.getText());
        if (canonical != null) {
          return canonical;
        }
      }
      return InstantDeserializer.INSTANT.deserialize(parser, context);
    }
  }
}
