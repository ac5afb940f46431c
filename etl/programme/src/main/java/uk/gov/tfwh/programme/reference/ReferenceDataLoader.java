package uk.gov.tfwh.programme.reference;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import uk.gov.tfwh.programme.period.Phase;

/**
 * Reads and checks a reference set: a folder holding {@code reference-set.properties} (version and
 * effective date), {@code authorities.csv} and {@code targets.csv}. Every problem found is reported
 * at once, each naming the file, line and what is wrong, so a new set can be fixed in one pass.
 */
public final class ReferenceDataLoader {
  public static final String SET_FILE = "reference-set.properties";
  public static final String AUTHORITIES_FILE = "authorities.csv";
  public static final String TARGETS_FILE = "targets.csv";

  /**
   * The programme had 152 upper-tier authorities throughout; a set with any other count is wrong.
   */
  public static final int EXPECTED_AUTHORITIES = 152;

  /** The English regions by GSS code; a reference set may not invent one. */
  public static final Map<String, String> KNOWN_REGIONS =
      Map.of(
          "E12000001", "North East",
          "E12000002", "North West",
          "E12000003", "Yorkshire and The Humber",
          "E12000004", "East Midlands",
          "E12000005", "West Midlands",
          "E12000006", "East of England",
          "E12000007", "London",
          "E12000008", "South East",
          "E12000009", "South West");

  private static final List<String> AUTHORITY_HEADER =
      List.of("authority_code", "name", "region_code", "region", "authority_type", "former_codes");

  /** Optional last column of authorities.csv: the authority's e-mail domains, ';'-separated. */
  static final String EMAIL_DOMAINS = "email_domains";

  private static final List<String> TARGET_HEADER =
      List.of("authority_code", "phase", "target_families", "basis");

  private ReferenceDataLoader() {}

  /**
   * Loads the set in {@code directory}; throws {@link ReferenceDataException} listing every
   * problem.
   */
  public static ReferenceData load(Path directory) {
    requireNonNull(directory, "directory");
    List<String> problems = new ArrayList<>();
    Properties set = readSet(directory.resolve(SET_FILE), problems);
    String version = set.getProperty("version", "").trim();
    LocalDate effectiveFrom = null;
    if (version.isEmpty()) {
      problems.add(SET_FILE + ": 'version' is missing");
    }
    String effective = set.getProperty("effective_from", "").trim();
    try {
      effectiveFrom = LocalDate.parse(effective);
    } catch (DateTimeParseException e) {
      problems.add(
          SET_FILE + ": 'effective_from' must be a date like 2012-04-01, not '" + effective + "'");
    }
    AuthorityRows authorities = readAuthorities(directory.resolve(AUTHORITIES_FILE), problems);
    List<Target> targets = readTargets(directory.resolve(TARGETS_FILE), authorities, problems);
    if (!problems.isEmpty()) {
      throw new ReferenceDataException(directory, problems);
    }
    return new ReferenceData(version, effectiveFrom, authorities.valid(), targets);
  }

  private static Properties readSet(Path file, List<String> problems) {
    Properties properties = new Properties();
    if (!Files.isRegularFile(file)) {
      problems.add(SET_FILE + ": file is missing (it names the set's version and effective date)");
      return properties;
    }
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException | IllegalArgumentException e) {
      problems.add(SET_FILE + ": cannot be read: " + e.getMessage());
    }
    return properties;
  }

  /**
   * The authorities that passed every check, and the line of every code seen (valid or not), so a
   * target for an authority whose row is wrong is not reported a second time as unknown.
   */
  private record AuthorityRows(List<Authority> valid, Map<String, Long> lineOfCode) {}

  private static AuthorityRows readAuthorities(Path file, List<String> problems) {
    List<Authority> authorities = new ArrayList<>();
    Map<String, Long> lineOfCode = new HashMap<>();
    Map<String, Long> lineOfFormerCode = new HashMap<>();
    List<CSVRecord> records = records(file, AUTHORITY_HEADER, EMAIL_DOMAINS, problems);
    int columns =
        records.isEmpty() || !records.get(0).isMapped(EMAIL_DOMAINS)
            ? AUTHORITY_HEADER.size()
            : AUTHORITY_HEADER.size() + 1;
    for (CSVRecord record : records) {
      long line = record.getRecordNumber() + 1;
      String where = AUTHORITIES_FILE + " line " + line + ": ";
      if (record.size() != columns) {
        problems.add(where + "expected " + columns + " columns, found " + record.size());
        continue;
      }
      String code = record.get("authority_code").trim();
      String name = record.get("name").trim();
      String regionCode = record.get("region_code").trim();
      String regionName = record.get("region").trim();
      String typeCode = record.get("authority_type").trim();
      int before = problems.size();
      if (!AuthorityCode.isAuthorityEntity(code)) {
        problems.add(where + "authority_code '" + code + "' is not an upper-tier GSS code");
      } else if (lineOfCode.containsKey(code)) {
        problems.add(
            where
                + "duplicate authority_code "
                + code
                + " (first on line "
                + lineOfCode.get(code)
                + ")");
      }
      if (name.isEmpty()) {
        problems.add(where + "name is empty");
      }
      String knownRegion = KNOWN_REGIONS.get(regionCode);
      if (knownRegion == null) {
        problems.add(where + "unknown region_code '" + regionCode + "'");
      } else if (!knownRegion.equals(regionName)) {
        problems.add(
            where
                + "region '"
                + regionName
                + "' does not match region_code "
                + regionCode
                + " ("
                + knownRegion
                + ")");
      }
      AuthorityType type = null;
      try {
        type = AuthorityType.ofCode(typeCode);
      } catch (IllegalArgumentException e) {
        problems.add(
            where
                + "unknown authority_type '"
                + typeCode
                + "' (expected county, metropolitan_district, london_borough or unitary)");
      }
      List<String> formerCodes = new ArrayList<>();
      String former = record.get("former_codes").trim();
      if (!former.isEmpty()) {
        for (String formerCode : Arrays.stream(former.split(";")).map(String::trim).toList()) {
          if (!AuthorityCode.isAuthorityEntity(formerCode)) {
            problems.add(where + "former code '" + formerCode + "' is not a GSS code");
          } else if (formerCode.equals(code)) {
            problems.add(where + "former code " + formerCode + " is the authority's own code");
          } else if (lineOfFormerCode.containsKey(formerCode)) {
            problems.add(
                where
                    + "former code "
                    + formerCode
                    + " is already mapped on line "
                    + lineOfFormerCode.get(formerCode));
          } else {
            lineOfFormerCode.put(formerCode, line);
            formerCodes.add(formerCode);
          }
        }
      }
      List<String> domains = new ArrayList<>();
      if (record.isMapped(EMAIL_DOMAINS)) {
        for (String domain : record.get(EMAIL_DOMAINS).split(";")) {
          String d = domain.strip().toLowerCase(java.util.Locale.ROOT);
          if (d.isEmpty()) {
            continue;
          }
          if (!d.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+")) {
            problems.add(where + "email_domains '" + d + "' is not a domain name");
          } else {
            domains.add(d);
          }
        }
      }
      lineOfCode.putIfAbsent(code, line);
      if (problems.size() == before) {
        authorities.add(
            new Authority(
                code, name, new Region(regionCode, regionName), type, formerCodes, domains));
      }
    }
    for (Map.Entry<String, Long> former : lineOfFormerCode.entrySet()) {
      if (lineOfCode.containsKey(former.getKey())) {
        problems.add(
            AUTHORITIES_FILE
                + " line "
                + former.getValue()
                + ": former code "
                + former.getKey()
                + " is also a current authority_code (line "
                + lineOfCode.get(former.getKey())
                + ")");
      }
    }
    if (Files.isRegularFile(file) && lineOfCode.size() != EXPECTED_AUTHORITIES) {
      problems.add(
          AUTHORITIES_FILE
              + ": expected "
              + EXPECTED_AUTHORITIES
              + " authorities, found "
              + lineOfCode.size());
    }
    return new AuthorityRows(authorities, lineOfCode);
  }

  private static List<Target> readTargets(
      Path file, AuthorityRows authorities, List<String> problems) {
    Set<String> codes = authorities.lineOfCode().keySet();
    Map<String, Long> lineOfKey = new LinkedHashMap<>();
    List<Target> targets = new ArrayList<>();
    for (CSVRecord record : records(file, TARGET_HEADER, problems)) {
      long line = record.getRecordNumber() + 1;
      String where = TARGETS_FILE + " line " + line + ": ";
      if (record.size() != TARGET_HEADER.size()) {
        problems.add(
            where + "expected " + TARGET_HEADER.size() + " columns, found " + record.size());
        continue;
      }
      String code = record.get("authority_code").trim();
      int before = problems.size();
      if (!codes.contains(code)) {
        problems.add(where + "authority_code '" + code + "' is not in " + AUTHORITIES_FILE);
      }
      Phase phase = null;
      try {
        phase = Phase.ofNumber(Integer.parseInt(record.get("phase").trim()));
      } catch (IllegalArgumentException e) {
        problems.add(where + "phase must be 1 or 2, not '" + record.get("phase") + "'");
      }
      int families = 0;
      try {
        families = Integer.parseInt(record.get("target_families").trim());
        if (families <= 0) {
          problems.add(where + "target_families must be a positive whole number, not " + families);
        }
      } catch (NumberFormatException e) {
        problems.add(
            where
                + "target_families must be a positive whole number, not '"
                + record.get("target_families")
                + "'");
      }
      TargetBasis basis = null;
      try {
        basis = TargetBasis.ofCode(record.get("basis").trim());
      } catch (IllegalArgumentException e) {
        problems.add(
            where + "basis must be published or modelled, not '" + record.get("basis") + "'");
      }
      if (phase != null) {
        String key = code + "/" + phase.number();
        Long first = lineOfKey.putIfAbsent(key, line);
        if (first != null) {
          problems.add(
              where
                  + "second phase "
                  + phase.number()
                  + " target for "
                  + code
                  + " (first on line "
                  + first
                  + ")");
        }
      }
      if (problems.size() == before) {
        targets.add(new Target(code, phase, families, basis));
      }
    }
    if (Files.isRegularFile(file)) {
      for (Authority authority : authorities.valid()) {
        for (Phase phase : Phase.values()) {
          if (!lineOfKey.containsKey(authority.code() + "/" + phase.number())) {
            problems.add(
                TARGETS_FILE
                    + ": missing phase "
                    + phase.number()
                    + " target for "
                    + authority.code()
                    + " ("
                    + authority.name()
                    + ", "
                    + AUTHORITIES_FILE
                    + " line "
                    + authorities.lineOfCode().get(authority.code())
                    + ")");
          }
        }
      }
    }
    return targets;
  }

  private static List<CSVRecord> records(Path file, List<String> header, List<String> problems) {
    return records(file, header, null, problems);
  }

  /**
   * The records of a reference file whose header is {@code header}, optionally followed by the
   * column {@code optional}: a newer reference set may carry it, an older one need not.
   */
  private static List<CSVRecord> records(
      Path file, List<String> header, String optional, List<String> problems) {
    String name = file.getFileName().toString();
    if (!Files.isRegularFile(file)) {
      problems.add(name + ": file is missing");
      return List.of();
    }
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build();
    try (CSVParser parser = CSVParser.parse(file, StandardCharsets.UTF_8, format)) {
      List<String> actual = parser.getHeaderNames();
      List<String> withOptional = new ArrayList<>(header);
      if (optional != null) {
        withOptional.add(optional);
      }
      if (!actual.equals(header) && !actual.equals(withOptional)) {
        problems.add(
            name
                + " line 1: header must be "
                + String.join(",", header)
                + (optional == null ? "" : " (then optionally " + optional + ")")
                + ", found "
                + String.join(",", actual));
        return List.of();
      }
      return parser.getRecords();
    } catch (IOException | java.io.UncheckedIOException | IllegalArgumentException e) {
      problems.add(name + ": cannot be read as CSV: " + e.getMessage());
      return List.of();
    }
  }
}
