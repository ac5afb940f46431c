package uk.gov.tfwh.exports.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.gov.tfwh.exports.format.CsvTableWriter.Dialect;

/**
 * The one CSV writer: the same fields in both dialects, and only people's get a mark and a line.
 */
class CsvTableWriterTest {
  private static final List<String> HEADINGS = List.of("Authority", "Change");
  private static final List<List<Object>> ROWS =
      List.of(
          List.of("Bath, and \"Somerset\"", new BigDecimal("-1.5")),
          Arrays.asList("=HYPERLINK(\"x\")", null));

  @Test
  void peopleGetAByteOrderMarkAndAFirstLineSayingWhatTheTableCovers() throws IOException {
    StringWriter out = new StringWriter();

    CsvTableWriter.write(Dialect.PEOPLE, "League table,\r\nphase 1", HEADINGS, ROWS, out);

    assertThat(out.toString())
        .isEqualTo(
            "\uFEFF# League table, phase 1\r\n"
                + "Authority,Change\r\n"
                + "\"Bath, and \"\"Somerset\"\"\",-1.5\r\n"
                + "\"'=HYPERLINK(\"\"x\"\")\",\r\n");
  }

  @Test
  void programsGetTheHeaderFirstAndNoMark() throws IOException {
    StringWriter out = new StringWriter();

    CsvTableWriter.write(Dialect.PROGRAMS, null, List.of("authority_name", "change"), ROWS, out);

    assertThat(out.toString())
        .startsWith("authority_name,change\r\n\"Bath, and ")
        .endsWith(",\r\n");
    assertThatThrownBy(() -> CsvTableWriter.write(Dialect.PROGRAMS, "covers", HEADINGS, ROWS, out))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
