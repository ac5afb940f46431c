package uk.gov.tfwh.etl.table;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import uk.gov.tfwh.programme.neighbour.Neighbour;
import uk.gov.tfwh.programme.neighbour.NeighbourSetException;
import uk.gov.tfwh.programme.neighbour.NeighbourSetLoader;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;
import uk.gov.tfwh.programme.reference.Authority;
import uk.gov.tfwh.programme.reference.ReferenceData;
import uk.gov.tfwh.programme.reference.Target;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/** The dimension tables, from the reference set the load used. */
public final class DimensionTables {
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
   * Neighbours from {@code neighbours.csv} in the reference folder, read and checked by the one
   * reader of that file ({@link NeighbourSetLoader}: codes of the reference set, ranks without
   * gaps, one date per set version, every authority in every set); empty when the set has none.
   *
   * @throws NeighbourSetException naming every problem's line, column and rule
   */
  public static List<Row> neighbours(Path referenceDir, ReferenceData reference) {
    Path file = referenceDir.resolve(NeighbourSetLoader.FILE);
    List<Row> rows = new ArrayList<>();
    if (!Files.isRegularFile(file)) {
      return rows;
    }
    for (Neighbour neighbour : NeighbourSetLoader.load(file, reference)) {
      rows.add(
          ContractRow.of(WarehouseTable.DIM_NEIGHBOUR)
              .set("authority_code", neighbour.authorityCode())
              .set("neighbour_code", neighbour.neighbourCode())
              .set("neighbour_rank", neighbour.neighbourRank())
              .set("set_version", neighbour.setVersion())
              .set("effective_from", neighbour.effectiveFrom())
              .build());
    }
    return rows;
  }
}
