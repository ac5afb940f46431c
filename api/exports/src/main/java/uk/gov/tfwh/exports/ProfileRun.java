package uk.gov.tfwh.exports;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import uk.gov.tfwh.exports.format.CsvTableWriter;
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
  static final String LOCK = ".tfwh-profiles.lock";
  static final List<String> INDEX_COLUMNS =
      List.of("authority_code", "authority_name", "file", "pages", "bytes", "status", "error");
  private static final int BAR = 30;

  private final Exports exports;
  private final PrintWriter err;

  ProfileRun(Exports exports, PrintWriter err) {
    this.exports = requireNonNull(exports, "exports");
    this.err = requireNonNull(err, "err");
  }

  /**
   * Writes the profiles and the index; 0 when every one was written, 1 when any failed.
   *
   * @throws IllegalStateException when another run is writing into the same folder: two runs would
   *     overwrite each other's files and leave an index that describes neither
   */
  int write(Phase phase, Quarter quarter, SnapshotSelector snapshot, Path dir, PrintWriter out) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
    }
    try (FileChannel channel =
            FileChannel.open(
                dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = lockOrNull(channel)) {
      if (lock == null) {
        throw new IllegalStateException(
            "another ./tfwh briefing --all-authorities run is writing into "
                + dir
                + " (it holds "
                + LOCK
                + "); wait for it to finish or choose another --out");
      }
      return writeLocked(phase, quarter, snapshot, dir, out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock " + dir + ": " + e.getMessage(), e);
    }
  }

  /** The folder's lock, or null when another run (in this process or another) holds it. */
  private static FileLock lockOrNull(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      return null;
    }
  }

  private int writeLocked(
      Phase phase, Quarter quarter, SnapshotSelector snapshot, Path dir, PrintWriter out) {
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
            writeWhole(dir.resolve(file.fileName()), file.content());
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

  /** The index as a CSV for programs: column names first, no mark, fields as every CSV's. */
  private static void writeIndex(Path file, List<List<String>> rows) {
    StringWriter csv = new StringWriter();
    try {
      CsvTableWriter.write(CsvTableWriter.Dialect.PROGRAMS, null, INDEX_COLUMNS, rows, csv);
      writeWhole(file, csv.toString().getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Writes a file under a temporary name and renames it into place, so someone opening the folder
   * during a run sees each file whole or not yet there, never half written.
   */
  private static void writeWhole(Path file, byte[] content) throws IOException {
    Path temp = Files.createTempFile(file.getParent(), ".writing-", ".tmp");
    try {
      Files.write(temp, content);
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
