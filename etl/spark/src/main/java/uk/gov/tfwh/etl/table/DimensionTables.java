package uk.gov.tfwh.etl.table;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Row;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;
import uk.gov.tfwh.programme.reference.Authority;
import uk.gov.tfwh.programme.reference.ReferenceData;
import uk.gov.tfwh.programme.reference.Target;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/** The dimension tables, from the reference set the load used. */
public final class DimensionTables {
  /** Statistical neighbours, optional in a reference set. */
  public static final String NEIGHBOURS_FILE = "neighbours.csv";

  private DimensionTables() {}

  public static List<Row> authorities(ReferenceData reference) {
    List<Row> rows = new ArrayList<>();
    for (Authority authority : reference.authorities()) {
      rows.add(
          ContractRow.of(WarehouseTable.DIM_AUTHORITY)
              .set("authority_code", authority.code())
              .set("authority_name", authority.name())
              .set("region_code", authority.region().code())
              .set("region_name", authority.region().name())
              .set("authority_type", authority.type().code())
              .set(
                  "former_codes",
                  authority.formerCodes().isEmpty()
                      ? null
                      : String.join(";", authority.formerCodes()))
              .set("reference_version", reference.version())
              .build());
    }
    return rows;
  }

  public static List<Row> periods() {
    List<Row> rows = new ArrayList<>();
    for (Phase phase : Phase.values()) {
      int index = 1;
      for (Quarter quarter = phase.firstQuarter();
          !quarter.isAfter(phase.lastQuarter());
          quarter = quarter.next()) {
        rows.add(
            ContractRow.of(WarehouseTable.DIM_PERIOD)
                .set("phase", phase.number())
                .set("period_end", quarter.end())
                .set("quarter_label", quarter.label())
                .set("financial_year", quarter.financialYear().label())
                .set("quarter_index", index++)
                .build());
      }
    }
    return rows;
  }

  public static List<Row> targets(ReferenceData reference) {
    List<Row> rows = new ArrayList<>();
    for (Target target : reference.targets()) {
      rows.add(
          ContractRow.of(WarehouseTable.DIM_TARGET)
              .set("authority_code", target.authorityCode())
              .set("phase", target.phase().number())
              .set("target_families", target.families())
              .set("target_basis", target.basis().code())
              .set("reference_version", reference.version())
              .set("effective_from", reference.effectiveFrom())
              .build());
    }
    return rows;
  }

  /**
   * Neighbours from {@code neighbours.csv} in the reference folder (columns authority_code,
   * neighbour_code, neighbour_rank, set_version, effective_from); empty when the set has none.
   * Every neighbour must be an authority of the reference set.
   */
  public static List<Row> neighbours(Path referenceDir, ReferenceData reference) {
    Path file = referenceDir.resolve(NEIGHBOURS_FILE);
    List<Row> rows = new ArrayList<>();
    if (!Files.isRegularFile(file)) {
      return rows;
    }
    CSVFormat format =
        CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.parse(reader, format)) {
      for (CSVRecord record : parser) {
        String line = NEIGHBOURS_FILE + " line " + parser.getCurrentLineNumber();
        String authority = known(reference, record.get("authority_code"), line);
        String neighbour = known(reference, record.get("neighbour_code"), line);
        try {
          rows.add(
              ContractRow.of(WarehouseTable.DIM_NEIGHBOUR)
                  .set("authority_code", authority)
                  .set("neighbour_code", neighbour)
                  .set("neighbour_rank", Integer.parseInt(record.get("neighbour_rank")))
                  .set("set_version", record.get("set_version"))
                  .set("effective_from", LocalDate.parse(record.get("effective_from")))
                  .build());
        } catch (RuntimeException e) {
          throw new IllegalArgumentException(line + ": " + e.getMessage(), e);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return rows;
  }

  private static String known(ReferenceData reference, String code, String line) {
    if (reference.authority(code).isEmpty()) {
      throw new IllegalArgumentException(
          line + ": " + code + " is not an authority of reference set " + reference.version());
    }
    return code;
  }
}
