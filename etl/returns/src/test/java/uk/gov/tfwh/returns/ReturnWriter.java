package uk.gov.tfwh.returns;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.gov.tfwh.programme.reference.ReferenceData;
import uk.gov.tfwh.returns.model.ReturnOutcome;
import uk.gov.tfwh.returns.model.ReturnSource;
import uk.gov.tfwh.returns.read.LandingFolder;
import uk.gov.tfwh.returns.read.LandingScan;
import uk.gov.tfwh.returns.read.ReadLimits;
import uk.gov.tfwh.returns.read.ReturnReader;

/**
 * Writes small CSV returns into a landing folder for tests: a valid Kent phase 2 return for 2015Q2
 * by default, with any summary value overridden and any claim rows added.
 */
public final class ReturnWriter {
  public static final String SUMMARY_HEADER =
      "template,authority_code,phase,period_end,families_identified,families_attached,"
          + "results_crime_asb_education,results_continuous_employment,results_progress_to_work,"
          + "results_sustained_progress,submitted_at,submitted_by,sro_sign_off,revision_note";
  public static final String CLAIMS_HEADER =
      "family_ref,attached_on,result,achieved_on,problems_at_entry";

  private final Path dir;
  private final Map<String, String> summary = new LinkedHashMap<>();
  private final List<String> claims = new ArrayList<>();

  public ReturnWriter(Path dir) {
    this.dir = dir;
    summary.put("template", "TFQR-1");
    summary.put("authority_code", "E10000016");
    summary.put("phase", "2");
    summary.put("period_end", "2015-06-30");
    summary.put("families_identified", "1240");
    summary.put("families_attached", "610");
    summary.put("results_crime_asb_education", "");
    summary.put("results_continuous_employment", "2");
    summary.put("results_progress_to_work", "");
    summary.put("results_sustained_progress", "3");
    summary.put("submitted_at", "2015-06-30T16:30:00+01:00");
    summary.put("submitted_by", "tf.returns@example.gov.uk");
    summary.put("sro_sign_off", "A. Director");
    summary.put("revision_note", "");
  }

  /** A valid phase 1 return (Kent, 2013Q3). */
  public ReturnWriter phase1() {
    return set("phase", "1")
        .set("period_end", "2013-09-30")
        .set("results_crime_asb_education", "400")
        .set("results_continuous_employment", "30")
        .set("results_progress_to_work", "20")
        .set("results_sustained_progress", "")
        .set("submitted_at", "2013-09-30T16:30:00+01:00");
  }

  public ReturnWriter set(String column, String value) {
    summary.put(column, value);
    return this;
  }

  /** A claim row, already CSV-encoded. */
  public ReturnWriter claim(String row) {
    claims.add(row);
    return this;
  }

  /** A claim made of the usual parts. */
  public ReturnWriter claim(
      String familyRef, String attachedOn, String result, String achievedOn, String problems) {
    return claim(String.join(",", familyRef, attachedOn, result, achievedOn, problems));
  }

  public static String csvValue(String value) {
    return value.contains(",") || value.contains("\"")
        ? "\"" + value.replace("\"", "\"\"") + "\""
        : value;
  }

  /** Writes {@code <stem>.summary.csv} and, when there are claims, {@code <stem>.claims.csv}. */
  public ReturnWriter write(String stem) {
    List<String> values = summary.values().stream().map(ReturnWriter::csvValue).toList();
    write(dir.resolve(stem + ".summary.csv"), SUMMARY_HEADER + "\r\n" + String.join(",", values));
    if (!claims.isEmpty()) {
      write(
          dir.resolve(stem + ".claims.csv"), CLAIMS_HEADER + "\r\n" + String.join("\r\n", claims));
    }
    return this;
  }

  public static void write(Path file, String text) {
    try {
      Files.writeString(file, text + "\r\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Scans the folder and reads the one return with this stem. */
  public static ReturnOutcome read(Path dir, String stem) {
    return read(dir, stem, Fixtures.reference(), ReadLimits.defaults());
  }

  public static ReturnOutcome read(Path dir, String stem, ReferenceData reference) {
    return read(dir, stem, reference, ReadLimits.defaults());
  }

  public static ReturnOutcome read(
      Path dir, String stem, ReferenceData reference, ReadLimits limits) {
    LandingScan scan = LandingFolder.scan(dir);
    ReturnSource source =
        scan.returns().stream()
            .filter(s -> s.stem().equals(stem))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no return " + stem + ": " + scan));
    return new ReturnReader(reference, limits).read(dir, source);
  }
}
