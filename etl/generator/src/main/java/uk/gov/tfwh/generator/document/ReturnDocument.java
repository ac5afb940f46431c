package uk.gov.tfwh.generator.document;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One return as it will be written to the landing folder: its stem, its format and its two sheets
 * (which a fault may have broken). A CSV return is a summary file and, when there are claim rows, a
 * claims file; an XLSX return is one workbook that always has both sheets.
 *
 * @param created the workbook's creation date (docProps), so the bytes repeat for a seed
 */
public record ReturnDocument(
    String stem,
    ReturnFormat format,
    FileStyle style,
    Table summary,
    Table claims,
    LocalDate created) {
  public ReturnDocument {
    requireNonNull(stem, "stem");
    requireNonNull(format, "format");
    requireNonNull(style, "style");
    requireNonNull(summary, "summary");
    requireNonNull(claims, "claims");
    requireNonNull(created, "created");
  }

  /** The summary file (CSV) or the workbook: the name the loader reports return findings under. */
  public String summaryFile() {
    return format == ReturnFormat.CSV ? stem + ".summary.csv" : stem + ".xlsx";
  }

  /** The file claim rows are in: the claims CSV or the workbook. */
  public String claimsFile() {
    return format == ReturnFormat.CSV ? stem + ".claims.csv" : stem + ".xlsx";
  }

  /** Every file of the return, summary first. */
  public List<String> files() {
    List<String> files = new ArrayList<>();
    files.add(summaryFile());
    if (format == ReturnFormat.CSV && !claims.rows().isEmpty()) {
      files.add(claimsFile());
    }
    return files;
  }

  /** The 1-based sheet row the next added claim row will be on (header = row 1). */
  public int nextClaimRow() {
    return claims.rows().size() + 2;
  }

  public ReturnDocument withSummary(Table newSummary) {
    return new ReturnDocument(stem, format, style, newSummary, claims, created);
  }

  public ReturnDocument withClaims(Table newClaims) {
    return new ReturnDocument(stem, format, style, summary, newClaims, created);
  }

  /** Writes the return's files into {@code dir}; returns how many files were written. */
  public int write(Path dir) throws IOException {
    if (format == ReturnFormat.XLSX) {
      Files.write(dir.resolve(summaryFile()), XlsxWriter.write(summary, claims, created));
      return 1;
    }
    Files.write(dir.resolve(summaryFile()), CsvWriter.write(summary, style));
    if (claims.rows().isEmpty()) {
      return 1;
    }
    Files.write(dir.resolve(claimsFile()), CsvWriter.write(claims, style));
    return 2;
  }
}
