package uk.gov.tfwh.api.table;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import uk.gov.tfwh.exports.format.CsvTableWriter;
import uk.gov.tfwh.exports.format.CsvTableWriter.Dialect;

/** Writes any {@link Tabular} response as CSV when the client asks for text/csv. */
/** Registered after JSON (see {@code WebConfiguration}), so JSON stays the default. */
public class CsvMessageConverter extends AbstractHttpMessageConverter<Tabular> {
  public static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  public CsvMessageConverter() {
    super(TEXT_CSV);
  }

  @Override
  protected boolean supports(Class<?> type) {
    return Tabular.class.isAssignableFrom(type);
  }

  @Override
  protected boolean canRead(MediaType mediaType) {
    return false;
  }

  @Override
  protected Tabular readInternal(Class<? extends Tabular> type, HttpInputMessage input) {
    throw new HttpMessageNotReadableException("the API does not read CSV", input);
  }

  @Override
  protected void writeInternal(Tabular response, HttpOutputMessage output) throws IOException {
    Writer writer = new OutputStreamWriter(output.getBody(), StandardCharsets.UTF_8);
    Table table = response.coveredTable();
    CsvTableWriter.write(Dialect.PROGRAMS, null, table.columns(), table.valueRows(), writer);
  }
}
