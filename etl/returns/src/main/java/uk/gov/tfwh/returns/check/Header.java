package uk.gov.tfwh.returns.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import uk.gov.tfwh.returns.model.Finding;
import uk.gov.tfwh.returns.rules.Location;
import uk.gov.tfwh.returns.rules.Rule;
import uk.gov.tfwh.returns.sheet.CellValue;

/**
 * The header row of a sheet matched against the template: names compared without case and
 * surrounding spaces, in any order. Reports every unknown column (TFQR-S02) and every missing or
 * repeated one (TFQR-S03) at once.
 */
final class Header {
  private final Map<String, Integer> positions;
  private final List<String> names;
  private final List<Finding> findings;

  private Header(Map<String, Integer> positions, List<String> names, List<Finding> findings) {
    this.positions = positions;
    this.names = names;
    this.findings = findings;
  }

  static Header match(
      String file, String sheet, int row, List<CellValue> cells, List<String> expected) {
    List<String> names = new ArrayList<>();
    for (CellValue cell : cells) {
      names.add(cell.asText().strip().toLowerCase(Locale.ROOT));
    }
    // The template's columns the header lacks, known before any is reported, so that an unknown
    // name can be told which of them it likely is, and a lacking column which name is likely it.
    Set<String> lacking = new LinkedHashSet<>(expected);
    lacking.removeAll(names);
    Map<String, String> likelyFor = new HashMap<>();
    Map<String, Integer> positions = new LinkedHashMap<>();
    Map<String, String> firstLetter = new HashMap<>();
    List<Finding> findings = new ArrayList<>();
    for (int i = 0; i < cells.size(); i++) {
      String raw = cells.get(i).asText().strip();
      String name = names.get(i);
      String where = columnLabel(i);
      if (name.isEmpty()) {
        continue; // trailing empty header cells are judged with the rows: only values matter
      }
      if (!expected.contains(name)) {
        Optional<LikelyMeant.LikelyColumn> likely = LikelyMeant.column(name, lacking);
        likely.ifPresent(
            meant -> likelyFor.putIfAbsent(meant.column(), where + ", " + Rule.quote(raw)));
        findings.add(
            Rule.S02.at(
                Location.ofCell(file, sheet, row, raw),
                "column "
                    + CellReading.quoted(raw)
                    + " ("
                    + where
                    + ") is not in the "
                    + sheet
                    + " sheet of the "
                    + Template.NAME
                    + " template"
                    + likely.map(meant -> " (" + meant.hint() + ")").orElse("")));
      } else if (positions.containsKey(name)) {
        findings.add(
            Rule.S03.at(
                Location.ofCell(file, sheet, row, name),
                "column "
                    + name
                    + " appears twice ("
                    + firstLetter.get(name)
                    + " and "
                    + where
                    + ")"));
      } else {
        positions.put(name, i);
        firstLetter.put(name, where);
      }
    }
    for (String column : lacking) {
      findings.add(
          Rule.S03.at(
              Location.ofCell(file, sheet, row, column),
              "required column "
                  + column
                  + " is missing from the header"
                  + (likelyFor.containsKey(column)
                      ? " (" + likelyFor.get(column) + ", is likely it)"
                      : "")));
    }
    return new Header(positions, names, findings);
  }

  /** "column 3", so a position can be found in a CSV as well as in a spreadsheet. */
  static String columnLabel(int index) {
    return "column " + (index + 1);
  }

  List<Finding> findings() {
    return findings;
  }

  boolean usable() {
    return findings.isEmpty();
  }

  int width() {
    return names.size();
  }

  /** True when the header names this position (a value under an unnamed position is an error). */
  boolean names(int index) {
    return index < names.size() && !names.get(index).isEmpty();
  }

  /**
   * True when a row gives the header's own names again, in its places (trailing blanks aside).
   * Asked of every data row, so a row of values is told apart at its first cell, without copies.
   */
  boolean repeatedIn(List<CellValue> cells) {
    if (positions.isEmpty()) {
      return false;
    }
    for (int i = 0; i < Math.max(cells.size(), names.size()); i++) {
      String cell = i < cells.size() ? cells.get(i).asText().strip() : "";
      String name = i < names.size() ? names.get(i) : "";
      if (!cell.equalsIgnoreCase(name)) {
        return false;
      }
    }
    return true;
  }

  boolean has(String column) {
    return positions.containsKey(column);
  }

  CellValue cell(List<CellValue> cells, String column) {
    Integer index = positions.get(column);
    if (index == null || index >= cells.size()) {
      return CellValue.BLANK;
    }
    return cells.get(index);
  }
}
