package uk.gov.tfwh.programme.reference;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;

/**
 * Reads {@code submission-windows.csv}: {@code version, effective_from, phase, first_period,
 * last_period, deadline_days}. Every problem is reported at once with its line, as the reference
 * set's loader does; the rows of one version may not cover a quarter twice.
 */
public final class SubmissionWindowsLoader {
  public static final String FILE = "submission-windows.csv";
  static final List<String> HEADER =
      List.of("version", "effective_from", "phase", "first_period", "last_period", "deadline_days");

  private SubmissionWindowsLoader() {}

  /**
   * The windows of a reference set, when it has them: a set written before they existed still
   * loads, and then no return is judged late or on time.
   */
  public static java.util.Optional<SubmissionWindows> loadIfPresent(Path referenceDir) {
    Path file = referenceDir.resolve(FILE);
    return Files.isRegularFile(file)
        ? java.util.Optional.of(load(file))
        : java.util.Optional.empty();
  }

  public static SubmissionWindows load(Path file) {
    List<String> problems = new ArrayList<>();
    List<SubmissionWindows.Rule> rules = new ArrayList<>();
    List<Long> lines = new ArrayList<>();
    if (!Files.isRegularFile(file)) {
      throw new ReferenceDataException(
          file, List.of(FILE + ": file is missing (it gives each quarter's deadline)"));
    }
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser =
            CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .build()
                .parse(reader)) {
      if (!parser.getHeaderNames().equals(HEADER)) {
        throw new ReferenceDataException(
            file,
            List.of(FILE + ": the header must be " + String.join(",", HEADER) + " in this order"));
      }
      for (CSVRecord record : parser) {
        long line = record.getRecordNumber() + 1;
        String where = FILE + " line " + line + ": ";
        int before = problems.size();
        String version = field(record, "version");
        if (version.isEmpty()) {
          problems.add(where + "version is empty");
        }
        LocalDate effectiveFrom = date(record, "effective_from", where, problems);
        Phase phase = null;
        try {
          phase = Phase.ofNumber(Integer.parseInt(field(record, "phase")));
        } catch (IllegalArgumentException e) {
          problems.add(where + "phase must be 1 or 2, not '" + field(record, "phase") + "'");
        }
        Quarter first = quarter(record, "first_period", phase, where, problems);
        Quarter last = quarter(record, "last_period", phase, where, problems);
        if (first != null && last != null && last.isBefore(first)) {
          problems.add(where + "last_period " + last.end() + " is before first_period");
        }
        int days = 0;
        try {
          days = Integer.parseInt(field(record, "deadline_days"));
        } catch (NumberFormatException e) {
          days = 0;
        }
        if (days < 1 || days > 366) {
          problems.add(
              where
                  + "deadline_days must be a whole number of days from 1 to 366, not '"
                  + field(record, "deadline_days")
                  + "'");
        }
        if (!version.isEmpty()
            && effectiveFrom != null
            && phase != null
            && first != null
            && last != null) {
          for (int i = 0; i < rules.size(); i++) {
            SubmissionWindows.Rule other = rules.get(i);
            if (other.version().equals(version)
                && other.phase() == phase
                && !first.isAfter(other.lastPeriod())
                && !last.isBefore(other.firstPeriod())) {
              problems.add(where + "the quarters overlaps line " + lines.get(i) + " of " + version);
            }
          }
          if (problems.size() == before) {
            rules.add(new SubmissionWindows.Rule(version, effectiveFrom, phase, first, last, days));
          } else {
            // Kept for the overlap check only: the line's own problems are reported already.
            rules.add(new SubmissionWindows.Rule(version, effectiveFrom, phase, first, last, 1));
          }
          lines.add(line);
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      if (e instanceof ReferenceDataException r) {
        throw r;
      }
      problems.add(FILE + ": cannot be read: " + e.getMessage());
    }
    if (!problems.isEmpty()) {
      throw new ReferenceDataException(file, problems);
    }
    if (rules.isEmpty()) {
      throw new ReferenceDataException(file, List.of(FILE + ": no windows"));
    }
    return new SubmissionWindows(rules);
  }

  private static String field(CSVRecord record, String name) {
    return record.isSet(name) ? record.get(name).trim() : "";
  }

  private static LocalDate date(CSVRecord record, String name, String where, List<String> out) {
    try {
      return LocalDate.parse(field(record, name));
    } catch (DateTimeParseException e) {
      out.add(where + name + " must be a date like 2012-04-01, not '" + field(record, name) + "'");
      return null;
    }
  }

  private static Quarter quarter(
      CSVRecord record, String name, Phase phase, String where, List<String> out) {
    LocalDate date = date(record, name, where, out);
    if (date == null) {
      return null;
    }
    if (!Quarter.isQuarterEnd(date)) {
      out.add(where + name + " " + date + " is not the last day of a quarter");
      return null;
    }
    Quarter quarter = Quarter.endingOn(date);
    if (phase != null && !phase.covers(quarter)) {
      out.add(where + name + " " + date + " is outside phase " + phase.number());
      return null;
    }
    return quarter;
  }
}
