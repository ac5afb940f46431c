package uk.gov.tfwh.programme.neighbour;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import uk.gov.tfwh.programme.reference.Authority;
import uk.gov.tfwh.programme.reference.ReferenceData;

/**
 * Reads and checks a statistical neighbour file ({@code neighbours.csv} in a reference folder): the
 * default set this project computes, or an official list such as CIPFA's nearest neighbours written
 * in the same five columns, which loads without any code change.
 *
 * <p>Rules: the header is exactly {@value #HEADER}; both codes are current codes of the reference
 * set; an authority is not its own neighbour; within one set version an authority lists a neighbour
 * once and its ranks run 1, 2, 3... without gaps; a set version has one effective date; and every
 * authority of the reference set has neighbours in every set version. Every problem is reported at
 * once, naming the file, line, column and rule.
 */
public final class NeighbourSetLoader {
  public static final String FILE = "neighbours.csv";
  public static final String HEADER =
      "authority_code,neighbour_code,neighbour_rank,set_version,effective_from";

  private NeighbourSetLoader() {}

  public static List<Neighbour> load(Path file, ReferenceData reference) {
    requireNonNull(file, "file");
    requireNonNull(reference, "reference");
    String name = file.getFileName().toString();
    List<String> problems = new ArrayList<>();
    List<Neighbour> neighbours = new ArrayList<>();
    Map<String, Integer> lineOf = new HashMap<>();
    CSVFormat format = CSVFormat.RFC4180.builder().setTrim(true).get();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.parse(reader, format)) {
      boolean header = true;
      for (CSVRecord record : parser) {
        long line = parser.getCurrentLineNumber();
        if (header) {
          header = false;
          String found = String.join(",", record.toList()).replace("\uFEFF", "");
          if (!found.equals(HEADER)) {
            problems.add(name + " line 1: the header must be " + HEADER + ", not " + found);
            break;
          }
          continue;
        }
        Neighbour neighbour = row(name, line, record, reference, problems);
        if (neighbour != null) {
          neighbours.add(neighbour);
          lineOf.put(key(neighbour), (int) line);
        }
      }
    } catch (IOException | IllegalStateException e) {
      problems.add(name + ": cannot be read: " + e.getMessage());
    }
    checkSets(name, neighbours, lineOf, reference, problems);
    if (!problems.isEmpty()) {
      throw new NeighbourSetException(problems);
    }
    return List.copyOf(neighbours);
  }

  private static Neighbour row(
      String name, long line, CSVRecord record, ReferenceData reference, List<String> problems) {
    String at = name + " line " + line;
    if (record.size() != 5) {
      problems.add(at + ": has " + record.size() + " columns, not 5");
      return null;
    }
    int before = problems.size();
    String authority = record.get(0);
    String neighbour = record.get(1);
    if (reference.authority(authority).isEmpty()) {
      problems.add(at + " column authority_code: " + authority + notAuthority(reference));
    }
    if (reference.authority(neighbour).isEmpty()) {
      problems.add(at + " column neighbour_code: " + neighbour + notAuthority(reference));
    }
    if (authority.equals(neighbour)) {
      problems.add(at + " column neighbour_code: an authority is not its own neighbour");
    }
    int rank = 0;
    try {
      rank = Integer.parseInt(record.get(2));
      if (rank < 1) {
        problems.add(at + " column neighbour_rank: must be 1 or more, not " + rank);
      }
    } catch (NumberFormatException e) {
      problems.add(at + " column neighbour_rank: not a whole number: '" + record.get(2) + "'");
    }
    String version = record.get(3);
    if (version.isEmpty()) {
      problems.add(at + " column set_version: is empty");
    }
    LocalDate effective = null;
    try {
      effective = LocalDate.parse(record.get(4));
    } catch (DateTimeParseException e) {
      problems.add(
          at + " column effective_from: not a date like 2012-04-01: '" + record.get(4) + "'");
    }
    return problems.size() == before
        ? new Neighbour(authority, neighbour, rank, version, effective)
        : null;
  }

  private static String notAuthority(ReferenceData reference) {
    return " is not an authority of reference set " + reference.version();
  }

  private static void checkSets(
      String name,
      List<Neighbour> neighbours,
      Map<String, Integer> lineOf,
      ReferenceData reference,
      List<String> problems) {
    Map<String, LocalDate> effectiveOf = new TreeMap<>();
    Map<String, Map<String, List<Neighbour>>> bySetAndAuthority = new TreeMap<>();
    for (Neighbour n : neighbours) {
      LocalDate first = effectiveOf.putIfAbsent(n.setVersion(), n.effectiveFrom());
      if (first != null && !first.equals(n.effectiveFrom())) {
        problems.add(
            name
                + " line "
                + lineOf.get(key(n))
                + " column effective_from: set "
                + n.setVersion()
                + " already takes effect on "
                + first);
      }
      bySetAndAuthority
          .computeIfAbsent(n.setVersion(), v -> new TreeMap<>())
          .computeIfAbsent(n.authorityCode(), a -> new ArrayList<>())
          .add(n);
    }
    for (Map.Entry<String, Map<String, List<Neighbour>>> set : bySetAndAuthority.entrySet()) {
      for (List<Neighbour> list : set.getValue().values()) {
        Set<String> seen = new HashSet<>();
        Set<Integer> ranks = new TreeSet<>();
        for (Neighbour n : list) {
          if (!seen.add(n.neighbourCode())) {
            problems.add(
                name
                    + " line "
                    + lineOf.get(key(n))
                    + " column neighbour_code: "
                    + n.neighbourCode()
                    + " is already a neighbour of "
                    + n.authorityCode()
                    + " in set "
                    + n.setVersion());
          }
          if (!ranks.add(n.neighbourRank())) {
            problems.add(
                name
                    + " line "
                    + lineOf.get(key(n))
                    + " column neighbour_rank: rank "
                    + n.neighbourRank()
                    + " is given twice for "
                    + n.authorityCode());
          }
        }
        int expected = 1;
        for (int rank : ranks) {
          if (rank != expected) {
            problems.add(
                name
                    + ": set "
                    + set.getKey()
                    + ", "
                    + list.get(0).authorityCode()
                    + ": neighbour ranks must run 1, 2, 3... without gaps; rank "
                    + expected
                    + " is missing");
            break;
          }
          expected++;
        }
      }
      for (Authority authority : reference.authorities()) {
        if (!set.getValue().containsKey(authority.code())) {
          problems.add(
              name
                  + ": set "
                  + set.getKey()
                  + " gives no neighbours for "
                  + authority.code()
                  + " ("
                  + authority.name()
                  + ")");
        }
      }
    }
  }

  private static String key(Neighbour n) {
    return n.setVersion()
        + "/"
        + n.authorityCode()
        + "/"
        + n.neighbourCode()
        + "/"
        + n.neighbourRank();
  }
}
