package uk.gov.tfwh.warehouse.query;

import static uk.gov.tfwh.warehouse.query.QueryParameter.optional;
import static uk.gov.tfwh.warehouse.query.QueryParameter.required;
import static uk.gov.tfwh.warehouse.table.ColumnType.BIGINT;
import static uk.gov.tfwh.warehouse.table.ColumnType.BOOLEAN;
import static uk.gov.tfwh.warehouse.table.ColumnType.DATE;
import static uk.gov.tfwh.warehouse.table.ColumnType.INT;
import static uk.gov.tfwh.warehouse.table.ColumnType.MONEY;
import static uk.gov.tfwh.warehouse.table.ColumnType.PERCENT;
import static uk.gov.tfwh.warehouse.table.ColumnType.STRING;
import static uk.gov.tfwh.warehouse.table.ColumnType.TIMESTAMP;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.gov.tfwh.warehouse.table.ColumnType;

/**
 * The query catalogue: every query the API and dashboards run, each a readable SQL file beside this
 * class ({@code query/<file>.sql}) over the logical table names of {@link
 * uk.gov.tfwh.warehouse.table.WarehouseTable}, in the SQL DuckDB and Trino share. Each names its
 * parameters and the columns (and types) it returns; both engines are held to those.
 */
public enum Query {
  LEAGUE_TABLE(
      "league_table",
      List.of(
          required("phase", INT),
          required("period", DATE),
          optional("region", STRING),
          optional("authority_type", STRING)),
      cols(
          "authority_code", STRING,
          "authority_name", STRING,
          "region_code", STRING,
          "region_name", STRING,
          "authority_type", STRING,
          "target_families", INT,
          "target_basis", STRING,
          "families_identified", BIGINT,
          "families_attached", BIGINT,
          "turned_around", BIGINT,
          "percent_of_target", PERCENT,
          "national_rank", INT,
          "region_rank", INT,
          "type_rank", INT,
          "quartile", INT,
          "change_in_turned_around", BIGINT,
          "change_in_percent_points", PERCENT)),

  NATIONAL_TOTALS(
      "national_totals",
      List.of(required("phase", INT), required("period", DATE)),
      cols(
          "authorities_reporting", BIGINT,
          "authorities_total", BIGINT,
          "families_identified", BIGINT,
          "families_attached", BIGINT,
          "turned_around", BIGINT,
          "target_families", BIGINT,
          "percent_of_target", PERCENT)),

  REGION_TOTALS(
      "region_totals",
      List.of(required("phase", INT), required("period", DATE)),
      cols(
          "region_code", STRING,
          "region_name", STRING,
          "authorities_reporting", BIGINT,
          "authorities_total", BIGINT,
          "families_identified", BIGINT,
          "families_attached", BIGINT,
          "turned_around", BIGINT,
          "target_families", BIGINT,
          "percent_of_target", PERCENT)),

  AUTHORITY_PROGRESS(
      "authority_progress",
      List.of(required("authority", STRING), required("phase", INT)),
      cols(
          "period_end", DATE,
          "quarter_label", STRING,
          "quarter_index", INT,
          "families_identified", BIGINT,
          "families_attached", BIGINT,
          "turned_around", BIGINT,
          "target_families", INT,
          "target_basis", STRING,
          "percent_of_target", PERCENT,
          "national_rank", INT,
          "region_rank", INT,
          "type_rank", INT,
          "quartile", INT,
          "change_in_turned_around", BIGINT,
          "change_in_percent_points", PERCENT)),

  BENCHMARK(
      "benchmark",
      List.of(
          required("authority", STRING),
          required("phase", INT),
          required("period", DATE),
          required("comparison_group", STRING)),
      cols(
          "authority_code", STRING,
          "authority_name", STRING,
          "region_name", STRING,
          "authority_type", STRING,
          "is_subject", BOOLEAN,
          "neighbour_rank", INT,
          "turned_around", BIGINT,
          "target_families", INT,
          "percent_of_target", PERCENT,
          "national_rank", INT,
          "group_rank", INT,
          "group_size", INT)),

  PAYMENTS(
      "payments",
      List.of(
          required("phase", INT),
          optional("authority", STRING),
          optional("financial_year", STRING)),
      cols(
          "authority_code", STRING,
          "authority_name", STRING,
          "period_end", DATE,
          "quarter_label", STRING,
          "financial_year", STRING,
          "attached_families_paid", BIGINT,
          "attachment_fee_gbp", MONEY,
          "results_crime_asb_education_gbp", MONEY,
          "results_continuous_employment_gbp", MONEY,
          "results_progress_to_work_gbp", MONEY,
          "results_sustained_progress_gbp", MONEY,
          "total_gbp", MONEY,
          "cumulative_gbp", MONEY,
          "cap_gbp", MONEY,
          "remaining_cap_gbp", MONEY,
          "capped", BOOLEAN)),

  /** Every table's row count: readiness compares it with the snapshot's manifest. */
  TABLE_ROWS("table_rows", List.of(), cols("table_name", STRING, "row_count", BIGINT)),

  DATA_QUALITY(
      "data_quality",
      List.of(required("phase", INT), required("period", DATE), optional("authority", STRING)),
      cols(
          "authority_code", STRING,
          "authority_name", STRING,
          "region_name", STRING,
          "status", STRING,
          "late", BOOLEAN,
          "resubmitted", BOOLEAN,
          "versions", BIGINT,
          "first_submitted_at", TIMESTAMP,
          "last_submitted_at", TIMESTAMP,
          "current_return_id", STRING,
          "rejections", BIGINT,
          "warnings", BIGINT,
          "notes", BIGINT)),

  DATA_QUALITY_FINDINGS(
      "data_quality_findings",
      List.of(required("phase", INT), required("period", DATE), optional("authority", STRING)),
      cols(
          "authority_code", STRING,
          "rule_id", STRING,
          "severity", STRING,
          "source_stem", STRING,
          "file", STRING,
          "sheet", STRING,
          "row_number", INT,
          "column_name", STRING,
          "message", STRING,
          "return_id", STRING,
          "snapshot_id", STRING,
          "finding_id", STRING)),

  RETURN_HISTORY(
      "return_history",
      List.of(required("authority", STRING), required("phase", INT), required("period", DATE)),
      cols(
          "return_id", STRING,
          "submitted_authority_code", STRING,
          "families_identified", BIGINT,
          "families_attached", BIGINT,
          "results_crime_asb_education", BIGINT,
          "results_continuous_employment", BIGINT,
          "results_progress_to_work", BIGINT,
          "results_sustained_progress", BIGINT,
          "turned_around", BIGINT,
          "submitted_at", TIMESTAMP,
          "submitted_by", STRING,
          "sro_sign_off", STRING,
          "revision_note", STRING,
          "source_stem", STRING,
          "source_format", STRING,
          "is_current", BOOLEAN,
          "supersedes_return_id", STRING,
          "superseded_by_return_id", STRING,
          "loaded_snapshot_id", STRING)),

  TIME_SERIES(
      "time_series",
      List.of(optional("phase", INT)),
      cols(
          "phase", INT,
          "period_end", DATE,
          "quarter_label", STRING,
          "financial_year", STRING,
          "authority_code", STRING,
          "authority_name", STRING,
          "region_code", STRING,
          "region_name", STRING,
          "authority_type", STRING,
          "target_families", INT,
          "target_basis", STRING,
          "families_identified", BIGINT,
          "families_attached", BIGINT,
          "turned_around", BIGINT,
          "percent_of_target", PERCENT,
          "national_rank", INT,
          "region_rank", INT,
          "type_rank", INT,
          "quartile", INT,
          "change_in_turned_around", BIGINT,
          "change_in_percent_points", PERCENT)),

  PERIODS(
      "periods",
      List.of(optional("phase", INT)),
      cols(
          "phase", INT,
          "period_end", DATE,
          "quarter_label", STRING,
          "financial_year", STRING,
          "quarter_index", INT,
          "authorities_reporting", BIGINT)),

  AUTHORITIES(
      "authorities",
      List.of(optional("authority", STRING)),
      cols(
          "authority_code", STRING,
          "authority_name", STRING,
          "region_code", STRING,
          "region_name", STRING,
          "authority_type", STRING,
          "former_codes", STRING,
          "phase1_target", INT,
          "phase1_target_basis", STRING,
          "phase2_target", INT,
          "phase2_target_basis", STRING,
          "reference_version", STRING));

  private final String fileName;
  private final List<QueryParameter> parameters;
  private final List<ResultColumn> columns;
  private volatile CatalogueSql sql;

  Query(String fileName, List<QueryParameter> parameters, List<ResultColumn> columns) {
    this.fileName = fileName;
    this.parameters = List.copyOf(parameters);
    this.columns = List.copyOf(columns);
  }

  /** The SQL file's name without {@code .sql}, such as {@code league_table}. */
  public String fileName() {
    return fileName;
  }

  public List<QueryParameter> parameters() {
    return parameters;
  }

  public List<ResultColumn> columns() {
    return columns;
  }

  /** The SQL file as written, with its comments and named parameters. */
  public String source() {
    String resource = fileName + ".sql";
    try (InputStream in = Query.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the catalogue has no SQL file " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read catalogue SQL " + resource, e);
    }
  }

  /** The SQL ready for JDBC (read and parsed once). */
  public CatalogueSql sql() {
    CatalogueSql parsed = sql;
    if (parsed == null) {
      Map<String, ColumnType> types = new LinkedHashMap<>();
      parameters.forEach(p -> types.put(p.name(), p.type()));
      parsed = CatalogueSql.parse(source(), types);
      sql = parsed;
    }
    return parsed;
  }

  /**
   * The values to bind, in marker order, for these arguments (by parameter name). Throws {@link
   * IllegalArgumentException} naming the parameter when one is unknown, missing or of the wrong
   * type; optional parameters left out bind as null.
   */
  public List<Object> bind(Map<String, ?> arguments) {
    for (String name : arguments.keySet()) {
      if (parameters.stream().noneMatch(p -> p.name().equals(name))) {
        throw new IllegalArgumentException(fileName + " has no parameter '" + name + "'");
      }
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (QueryParameter parameter : parameters) {
      Object value = arguments.get(parameter.name());
      if (value == null && parameter.required()) {
        throw new IllegalArgumentException(
            fileName + " needs parameter '" + parameter.name() + "'");
      }
      if (value != null && !JdbcValues.javaType(parameter.type()).isInstance(value)) {
        throw new IllegalArgumentException(
            fileName
                + " parameter '"
                + parameter.name()
                + "' must be a "
                + JdbcValues.javaType(parameter.type()).getSimpleName()
                + ", not "
                + value.getClass().getSimpleName());
      }
      values.put(parameter.name(), value);
    }
    List<Object> bound = new ArrayList<>();
    for (String name : sql().parameterOrder()) {
      bound.add(values.get(name));
    }
    return bound;
  }

  private static List<ResultColumn> cols(Object... namesAndTypes) {
    List<ResultColumn> columns = new ArrayList<>();
    for (int i = 0; i < namesAndTypes.length; i += 2) {
      columns.add(new ResultColumn((String) namesAndTypes[i], (ColumnType) namesAndTypes[i + 1]));
    }
    return columns;
  }

  /** Every query, for tests and benchmarks that walk the whole catalogue. */
  public static List<Query> catalogue() {
    return Arrays.asList(values());
  }
}
