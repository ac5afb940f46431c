package uk.gov.tfwh.warehouse.table;

import static uk.gov.tfwh.warehouse.table.Column.optional;
import static uk.gov.tfwh.warehouse.table.Column.required;
import static uk.gov.tfwh.warehouse.table.ColumnType.BIGINT;
import static uk.gov.tfwh.warehouse.table.ColumnType.BOOLEAN;
import static uk.gov.tfwh.warehouse.table.ColumnType.DATE;
import static uk.gov.tfwh.warehouse.table.ColumnType.INT;
import static uk.gov.tfwh.warehouse.table.ColumnType.MONEY;
import static uk.gov.tfwh.warehouse.table.ColumnType.PERCENT;
import static uk.gov.tfwh.warehouse.table.ColumnType.STRING;
import static uk.gov.tfwh.warehouse.table.ColumnType.TIMESTAMP;

import java.util.List;
import java.util.Optional;

/**
 * The table contract: every table a snapshot holds, its columns and how it is partitioned. The
 * Spark load writes exactly these; the query layer, Trino registration and the data dictionary are
 * derived from them. A table lives at {@code <snapshot>/tables/<name>/}, as Parquet files, in
 * Hive-style {@code column=value} folders when partitioned.
 */
public enum WarehouseTable {
  DIM_AUTHORITY(
      "dim_authority",
      "The upper-tier authorities, from the reference set the load used.",
      List.of(),
      List.of(
          required("authority_code", STRING, "Current GSS code."),
          required("authority_name", STRING, "Name."),
          required("region_code", STRING, "GSS code of the region."),
          required("region_name", STRING, "Region."),
          required(
              "authority_type",
              STRING,
              "county, metropolitan_district, london_borough or unitary."),
          optional("former_codes", STRING, "Former GSS codes mapped to this one, ';'-separated."),
          required("reference_version", STRING, "Version of the reference set."))),

  DIM_PERIOD(
      "dim_period",
      "Every quarter in which returns of a phase may fall.",
      List.of(),
      List.of(
          required("phase", INT, "1 (2012-15) or 2 (2015-20)."),
          required("period_end", DATE, "Last day of the quarter."),
          required("quarter_label", STRING, "Such as 2013Q3."),
          required("financial_year", STRING, "April-to-March year the quarter ends in: 2013/14."),
          required("quarter_index", INT, "1 for the phase's first quarter, 2 for the next..."))),

  DIM_TARGET(
      "dim_target",
      "Families each authority was expected to turn around, per phase, with the basis.",
      List.of(),
      List.of(
          required("authority_code", STRING, "Current GSS code."),
          required("phase", INT, "1 or 2."),
          required("target_families", INT, "Indicative (phase 1) or expected (phase 2) number."),
          required("target_basis", STRING, "published or modelled."),
          required("reference_version", STRING, "Version of the reference set."),
          required("effective_from", DATE, "When that reference set took effect."))),

  DIM_NEIGHBOUR(
      "dim_neighbour",
      "Statistical neighbours: the comparison group of each authority.",
      List.of(),
      List.of(
          required("authority_code", STRING, "The authority."),
          required("neighbour_code", STRING, "One of its neighbours."),
          required("neighbour_rank", INT, "1 = most similar."),
          required("set_version", STRING, "Version of the neighbour set."),
          required("effective_from", DATE, "When that set took effect."))),

  FACT_RETURN(
      "fact_return",
      "Every accepted return version: the summary row as submitted, with which version is current.",
      List.of(),
      List.of(
          required("return_id", STRING, "Stable id of this version (hash of its source files)."),
          required("authority_code", STRING, "Current GSS code."),
          required("submitted_authority_code", STRING, "Code as submitted (may be a former code)."),
          required("phase", INT, "1 or 2."),
          required("period_end", DATE, "Last day of the quarter."),
          required("families_identified", BIGINT, "Cumulative families identified."),
          required("families_attached", BIGINT, "Cumulative families worked with."),
          optional("results_crime_asb_education", BIGINT, "Phase 1 only, cumulative."),
          required("results_continuous_employment", BIGINT, "Cumulative."),
          optional("results_progress_to_work", BIGINT, "Phase 1 only, cumulative."),
          optional("results_sustained_progress", BIGINT, "Phase 2 only, cumulative."),
          required(
              "turned_around",
              BIGINT,
              "Phase 1 turned around, or phase 2 successful family outcomes (methodology)."),
          required(
              "submitted_at", TIMESTAMP, "When the authority signed the return off, as it says."),
          required(
              "received_at",
              TIMESTAMP,
              "When the warehouse received it: the submission service's clock, or when a load"
                  + " first saw an operator's drop. With the load, what orders versions."),
          required("provenance", STRING, "'submission' (through the service) or 'operator drop'."),
          optional(
              "submission_submitter",
              STRING,
              "The signed-in user who sent it through the service; null for a drop."),
          optional(
              "late",
              BOOLEAN,
              "Arrived after its quarter's deadline (reference/submission-windows.csv): received_at"
                  + " for a submission, submitted_at capped at received_at for a drop."),
          required("submitted_by", STRING, "E-mail of the submitting officer, as given."),
          required("sro_sign_off", STRING, "Senior responsible officer, as given."),
          optional("revision_note", STRING, "As given."),
          required("source_stem", STRING, "The return's file stem in the landing folder."),
          required("source_format", STRING, "CSV or XLSX."),
          required("source_sha256", STRING, "Checksum of the return's files, combined."),
          required("loaded_snapshot_id", STRING, "Snapshot whose load accepted this version."),
          required("is_current", BOOLEAN, "True for the version that stands for its quarter."),
          optional("supersedes_return_id", STRING, "The version this one replaced."),
          optional("superseded_by_return_id", STRING, "The version that replaced this one."))),

  FACT_CLAIM(
      "fact_claim",
      "Every accepted payment-by-results claim.",
      List.of("period_end"),
      List.of(
          required("claim_id", STRING, "return_id and row."),
          required("return_id", STRING, "The return version that made the claim."),
          required("authority_code", STRING, "Current GSS code."),
          required("phase", INT, "1 or 2."),
          required("row_number", INT, "Row in the claims sheet (header = 1)."),
          required("family_ref", STRING, "Pseudonymous national family identifier."),
          required("attached_on", DATE, "When the family was attached."),
          required("result", STRING, "The result claimed."),
          required("achieved_on", DATE, "When it was achieved."),
          required("problems_at_entry", STRING, "';'-separated, sorted."),
          required("submitted_at", TIMESTAMP, "When the claiming return was signed off."),
          required("period_end", DATE, "Quarter of the claiming return (partition)."))),

  FACT_FINDING(
      "fact_finding",
      "Every rejection, warning and note the loads produced.",
      List.of(),
      List.of(
          required("finding_id", STRING, "Stable id."),
          required("snapshot_id", STRING, "Snapshot of the load that found it."),
          required("rule_id", STRING, "Rule in the catalogue."),
          required("severity", STRING, "RETURN_REJECTED, ROW_REJECTED, WARNING or NOTE."),
          required("source_stem", STRING, "Return the finding is about."),
          required("file", STRING, "File name."),
          optional("sheet", STRING, "summary or claims."),
          optional("row_number", INT, "1-based row, header = 1."),
          optional("column_name", STRING, "Column, where there is one."),
          required("message", STRING, "Plain-English message."),
          optional("authority_code", STRING, "Current GSS code, when it could be read."),
          optional("phase", INT, "When it could be read."),
          optional("period_end", DATE, "When it could be read."),
          optional("return_id", STRING, "The accepted version, when there is one."))),

  FACT_PAYMENT(
      "fact_payment",
      "Payment-by-results amounts per authority and quarter, by the payment rules.",
      List.of(),
      List.of(
          required("authority_code", STRING, "Current GSS code."),
          required("phase", INT, "1 or 2."),
          required("period_end", DATE, "Quarter."),
          required("financial_year", STRING, "Financial year whose rates apply."),
          required("attached_families_paid", BIGINT, "Families whose attachment fee is paid."),
          required("attachment_fee_gbp", MONEY, "Attachment fees."),
          required("results_crime_asb_education_gbp", MONEY, "Phase 1 results payment."),
          required("results_continuous_employment_gbp", MONEY, "Results payment."),
          required("results_progress_to_work_gbp", MONEY, "Phase 1 results payment."),
          required("results_sustained_progress_gbp", MONEY, "Phase 2 results payment."),
          required("total_gbp", MONEY, "Sum of the above for the quarter."),
          required("cumulative_gbp", MONEY, "Total to date in the phase."),
          required("cap_gbp", MONEY, "Most the authority can be paid in the phase."),
          required("capped", BOOLEAN, "True when the cap cut this quarter's payment."))),

  AGG_AUTHORITY_QUARTER(
      "agg_authority_quarter",
      "League-table figures per authority, phase and quarter, from the current return versions.",
      List.of(),
      List.of(
          required("authority_code", STRING, "Current GSS code."),
          required("authority_name", STRING, "Name."),
          required("region_code", STRING, "Region code."),
          required("region_name", STRING, "Region."),
          required("authority_type", STRING, "Authority type."),
          required("phase", INT, "1 or 2."),
          required("period_end", DATE, "Quarter."),
          required("families_identified", BIGINT, "Cumulative."),
          required("families_attached", BIGINT, "Cumulative."),
          required("turned_around", BIGINT, "Turned around (1) / successful outcomes (2)."),
          required("target_families", INT, "Target for the phase."),
          required("target_basis", STRING, "published or modelled."),
          required("percent_of_target", PERCENT, "100 x turned_around / target, 1 dp."),
          required("national_rank", INT, "1 = highest percent; ties share a rank."),
          required("region_rank", INT, "Rank within the region."),
          required("type_rank", INT, "Rank within the authority type."),
          required("quartile", INT, "1 = top quarter of the national ranking."),
          optional("change_in_turned_around", BIGINT, "Since the previous quarter."),
          optional(
              "change_in_percent_points", PERCENT, "Percent of target, since previous quarter."),
          required("return_id", STRING, "The current return version used.")));

  /**
   * The columns that record which load wrote a row rather than what the returns say: the snapshot
   * of the load, and when it received an operator's drop. Two loads of the same files (a full and
   * an incremental one, on one machine and on a cluster) differ only in these.
   */
  public static final List<String> LOAD_SPECIFIC_COLUMNS =
      List.of("snapshot_id", "loaded_snapshot_id", "received_at");

  private final String tableName;
  private final String description;
  private final List<String> partitionColumns;
  private final List<Column> columns;

  WarehouseTable(
      String tableName, String description, List<String> partitionColumns, List<Column> columns) {
    this.tableName = tableName;
    this.description = description;
    this.partitionColumns = List.copyOf(partitionColumns);
    this.columns = List.copyOf(columns);
  }

  public String tableName() {
    return tableName;
  }

  public String description() {
    return description;
  }

  /** Hive-style partition columns; they are also the last columns of {@link #columns()}. */
  public List<String> partitionColumns() {
    return partitionColumns;
  }

  public List<Column> columns() {
    return columns;
  }

  public Optional<Column> column(String name) {
    return columns.stream().filter(column -> column.name().equals(name)).findFirst();
  }

  /** The folder of this table inside a snapshot folder, relative to it. */
  public String relativePath() {
    return "tables/" + tableName;
  }

  public static Optional<WarehouseTable> byName(String tableName) {
    for (WarehouseTable table : values()) {
      if (table.tableName.equals(tableName)) {
        return Optional.of(table);
      }
    }
    return Optional.empty();
  }
}
