package uk.gov.tfwh.exports;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import uk.gov.tfwh.exports.format.FormulaSafeText;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;
import uk.gov.tfwh.warehouse.query.SnapshotSelector;

/**
 * {@code ./tfwh briefing --all-authorities}: every authority's profile for a quarter written into
 * one folder, with a progress bar on stderr and {@code index.csv} listing each file (or why it is
 * missing). One authority's failure, in making or in writing its file, is reported and the run goes
 * on: a bulk run for 152 authorities should not lose 151 files to one bad return.
 */
final class ProfileRun {
  static final String INDEX = "index.csv";
  static final List<String> INDEX_COLUMNS =
      List.of("authority_code", "authority_name", "file", "pages", "bytes", "status", "error");
  private static final int BAR = 30;

  private final Exports exports;
  private final PrintWriter err;

  ProfileRun(Exports exports, PrintWriter err) {
    this.exports = requireNonNull(exports, "exports");
    this.err = requireNonNull(err, "err");
  }

  /** Writes the profiles and the index; 0 when every one was written, 1 when any failed. */
  int write(Phase phase, Quarter quarter, SnapshotSelector snapshot, Path dir, PrintWriter out) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
    }
    List<List<String>> index = new ArrayList<>();
    int[] failed = {0};
    long start = System.nanoTime();
    exports.authorityProfilePdfs(
        phase,
        quarter,
        snapshot,
        (code, name, done, total, file, failure) -> {
          List<String> row;
          try {
            if (failure != null) {
              throw failure;
            }
            Files.write(dir.resolve(file.fileName()), file.content());
            row =
                List.of(
                    code,
                    name,
                    file.fileName(),
                    Integer.toString(pages(file.content())),
                    Integer.toString(file.size()),
                    "written",
                    "");
          } catch (IOException | RuntimeException e) {
            failed[0]++;
            String why = e.getClass().getSimpleName() + ": " + e.getMessage();
            row = List.of(code, name, "", "", "", "failed", why);
            err.print("\r" + " ".repeat(BAR + 60) + "\r");
            err.println("tfwh briefing: " + name + " (" + code + ") failed: " + why);
          }
          index.add(row);
          err.print("\r" + bar(done, total, name));
          err.flush();
        });
    err.println();
    err.flush();
    writeIndex(dir.resolve(INDEX), index);
    out.printf(
        "wrote %d of %d profiles and %s into %s in %.1f s%s%n",
        index.size() - failed[0],
        index.size(),
        INDEX,
        dir,
        (System.nanoTime() - start) / 1e9,
        failed[0] == 0 ? "" : "; " + failed[0] + " failed (see " + INDEX + ")");
    out.flush();
    return failed[0] == 0 ? 0 : 1;
  }

  /** {@code [=====> ] 57/152 Kent}, padded so a shorter name overwrites a longer one. */
  static String bar(int done, int total, String name) {
    int filled = total == 0 ? BAR : (int) ((long) BAR * done / total);
    StringBuilder bar = new StringBuilder("[");
    for (int i = 0; i < BAR; i++) {
      bar.append(i < filled - 1 || done == total ? '=' : i == filled - 1 ? '>' : ' ');
    }
    String shown =
        name.codePoints()
            .filter(cp -> !Character.isISOControl(cp))
            .limit(40)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString();
    return String.format("%s] %d/%d %-40s", bar, done, total, shown);
  }

  private static int pages(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return document.getNumberOfPages();
    }
  }

  /** RFC 4180, UTF-8, CRLF; text a spreadsheet would run as a formula is neutralised. */
  private static void writeIndex(Path file, List<List<String>> rows) {
    StringBuilder csv = new StringBuilder();
    csv.append(String.join(",", INDEX_COLUMNS)).append("\r\n");
    for (List<String> row : rows) {
      List<String> fields = new ArrayList<>();
      for (String value : row) {
        fields.add(field(FormulaSafeText.neutralise(value)));
      }
      csv.append(String.join(",", fields)).append("\r\n");
    }
    try {
      Files.writeString(file, csv, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static String field(String text) {
    if (text.contains(",") || text.contains("\"") || text.contains("\r") || text.contains("\n")) {
      return '"' + text.replace("\"", "\"\"") + '"';
    }
    return text;
  }
}
