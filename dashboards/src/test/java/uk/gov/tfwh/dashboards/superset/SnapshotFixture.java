package uk.gov.tfwh.dashboards.superset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Collectors;
import uk.gov.tfwh.warehouse.table.Column;
import uk.gov.tfwh.warehouse.table.ColumnType;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/**
 * A small snapshot written as the Spark load writes one: every table of the contract as Parquet
 * under {@code tables/<name>/}, with exactly the contract's columns and types. Six authorities in
 * two regions; phase 1 with two quarters and phase 2 with three reported quarters (and one not yet
 * reported), with a resubmission, a missing return, a rejected return, row rejections and an older
 * neighbour set, so every branch of the datasets' SQL has rows.
 *
 * <p>Phase 2 percent of target, by quarter ending 2015-06-30 / 09-30 / 12-31: Hartlepool (target
 * 100) 10 / 20 / 30; County Durham (200) 15 / 25 / 40; Newcastle (300) 10 / 30 / 40; Barking and
 * Dagenham (150) 10 / 30 / 40; Barnet (250) 20 / 30 / none; Brent (400) 10 / 20 / rejected.
 */
public final class SnapshotFixture {
  public static final String HARTLEPOOL = "E06000001";
  public static final String DURHAM = "E06000047";
  public static final String NEWCASTLE = "E08000021";
  public static final String BARKING = "E09000002";
  public static final String BARNET = "E09000003";
  public static final String BRENT = "E09000005";

  private SnapshotFixture() {}

  /** Writes the snapshot into {@code folder} (which must not hold one) and returns the folder. */
  public static Path write(Path folder) throws IOException, SQLException {
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement sql = duckdb.createStatement()) {
      sql.execute("SET TimeZone = 'UTC'");
      for (WarehouseTable table : WarehouseTable.values()) {
        sql.execute("CREATE TABLE " + table.tableName() + " (" + columns(table) + ")");
      }
      insertReferenceData(sql);
      insertReturns(sql);
      insertFindings(sql);
      deriveLeagueTable(sql);
      derivePayments(sql);
      for (WarehouseTable table : WarehouseTable.values()) {
        Path tableFolder = Files.createDirectories(folder.resolve(table.relativePath()));
        sql.execute(
            "COPY "
                + table.tableName()
                + " TO '"
                + tableFolder.resolve("part-00000.parquet").toAbsolutePath()
                + "' (FORMAT PARQUET)");
      }
    }
    return folder;
  }

  private static String columns(WarehouseTable table) {
    return table.columns().stream()
        .map(
            column ->
                column.name() + " " + duckDbType(column) + (column.nullable() ? "" : " NOT NULL"))
        .collect(Collectors.joining(", "));
  }

  private static String duckDbType(Column column) {
    // DuckDB spells the contract's instant type without the precision; Parquet stores it in UTC.
    return column.type() == ColumnType.TIMESTAMP ? "TIMESTAMPTZ" : column.type().sqlType();
  }

  private static void insertReferenceData(Statement sql) throws SQLException {
    sql.execute(
        """
        INSERT INTO dim_authority BY NAME
        SELECT *, NULL AS former_codes, 'fixture-1' AS reference_version FROM (VALUES
          ('E06000001', 'Hartlepool', 'E12000001', 'North East', 'unitary'),
          ('E06000047', 'County Durham', 'E12000001', 'North East', 'unitary'),
          ('E08000021', 'Newcastle upon Tyne', 'E12000001', 'North East', 'metropolitan_district'),
          ('E09000002', 'Barking and Dagenham', 'E12000007', 'London', 'london_borough'),
          ('E09000003', 'Barnet', 'E12000007', 'London', 'london_borough'),
          ('E09000005', 'Brent', 'E12000007', 'London', 'london_borough')
        ) AS v(authority_code, authority_name, region_code, region_name, authority_type)
        """);
    sql.execute(
        """
        INSERT INTO dim_period BY NAME
        SELECT * FROM (VALUES
          (1, DATE '2014-12-31', '2014Q4', '2014/15', 1),
          (1, DATE '2015-03-31', '2015Q1', '2014/15', 2),
          (2, DATE '2015-06-30', '2015Q2', '2015/16', 1),
          (2, DATE '2015-09-30', '2015Q3', '2015/16', 2),
          (2, DATE '2015-12-31', '2015Q4', '2015/16', 3),
          (2, DATE '2016-03-31', '2016Q1', '2015/16', 4)
        ) AS v(phase, period_end, quarter_label, financial_year, quarter_index)
        """);
    sql.execute(
        """
        INSERT INTO dim_target BY NAME
        SELECT authority_code, phase, target_families, 'published' AS target_basis,
               'fixture-1' AS reference_version, DATE '2012-04-01' AS effective_from
        FROM (VALUES
          ('E06000001', 2, 100), ('E06000047', 2, 200), ('E08000021', 2, 300),
          ('E09000002', 2, 150), ('E09000003', 2, 250), ('E09000005', 2, 400),
          ('E06000001', 1, 50), ('E06000047', 1, 50), ('E08000021', 1, 50),
          ('E09000002', 1, 50), ('E09000003', 1, 50), ('E09000005', 1, 50)
        ) AS v(authority_code, phase, target_families)
        """);
    sql.execute(
        """
        INSERT INTO dim_neighbour BY NAME
        SELECT * FROM (VALUES
          ('E06000001', 'E06000047', 1, 'fixture-2', DATE '2015-01-01'),
          ('E06000001', 'E08000021', 2, 'fixture-2', DATE '2015-01-01'),
          ('E06000047', 'E06000001', 1, 'fixture-2', DATE '2015-01-01'),
          ('E06000047', 'E08000021', 2, 'fixture-2', DATE '2015-01-01'),
          ('E08000021', 'E06000047', 1, 'fixture-2', DATE '2015-01-01'),
          ('E08000021', 'E06000001', 2, 'fixture-2', DATE '2015-01-01'),
          ('E09000002', 'E09000003', 1, 'fixture-2', DATE '2015-01-01'),
          ('E09000002', 'E09000005', 2, 'fixture-2', DATE '2015-01-01'),
          ('E09000003', 'E09000005', 1, 'fixture-2', DATE '2015-01-01'),
          ('E09000003', 'E09000002', 2, 'fixture-2', DATE '2015-01-01'),
          ('E09000005', 'E09000003', 1, 'fixture-2', DATE '2015-01-01'),
          ('E09000005', 'E09000002', 2, 'fixture-2', DATE '2015-01-01'),
          -- an older set, in effect for the quarters before 2015 (phase 1's 2014Q4)
          ('E06000001', 'E09000003', 1, 'fixture-1', DATE '2012-01-01'),
          ('E06000001', 'E09000005', 2, 'fixture-1', DATE '2012-01-01')
        ) AS v(authority_code, neighbour_code, neighbour_rank, set_version, effective_from)
        """);
  }

  private static void insertReturns(Statement sql) throws SQLException {
    sql.execute(
        """
        INSERT INTO fact_return BY NAME
        SELECT
          'r-' || authority_code || '-' || phase || '-' || period_end || '-v' || version AS return_id,
          authority_code,
          authority_code AS submitted_authority_code,
          phase,
          period_end,
          turned_around * 4 AS families_identified,
          turned_around * 3 AS families_attached,
          CASE WHEN phase = 1 THEN turned_around - turned_around // 5 END AS results_crime_asb_education,
          turned_around // 5 AS results_continuous_employment,
          CASE WHEN phase = 1 THEN 0 END AS results_progress_to_work,
          CASE WHEN phase = 2 THEN turned_around - turned_around // 5 END AS results_sustained_progress,
          turned_around,
          CAST(period_end + INTERVAL 20 DAY + INTERVAL (version) HOUR AS TIMESTAMPTZ) AS submitted_at,
          CAST(period_end + INTERVAL 20 DAY + INTERVAL (version) HOUR AS TIMESTAMPTZ) AS received_at,
          'operator drop' AS provenance,
          false AS late,
          'officer@example.gov.uk' AS submitted_by,
          'A. Director' AS sro_sign_off,
          CASE WHEN version > 1 THEN 'corrected figures' END AS revision_note,
          lower(authority_code) || '_' || period_end || '_v' || version AS source_stem,
          'CSV' AS source_format,
          repeat('0', 64) AS source_sha256,
          'snap-fixture' AS loaded_snapshot_id,
          is_current,
          CASE WHEN version > 1
            THEN 'r-' || authority_code || '-' || phase || '-' || period_end || '-v' || (version - 1)
          END AS supersedes_return_id,
          CASE WHEN NOT is_current
            THEN 'r-' || authority_code || '-' || phase || '-' || period_end || '-v' || (version + 1)
          END AS superseded_by_return_id
        FROM (VALUES
          ('E06000001', 2, DATE '2015-06-30', 10, 1, true),
          ('E06000001', 2, DATE '2015-09-30', 18, 1, false),
          ('E06000001', 2, DATE '2015-09-30', 20, 2, true),
          ('E06000001', 2, DATE '2015-12-31', 30, 1, true),
          ('E06000047', 2, DATE '2015-06-30', 30, 1, true),
          ('E06000047', 2, DATE '2015-09-30', 50, 1, true),
          ('E06000047', 2, DATE '2015-12-31', 80, 1, true),
          ('E08000021', 2, DATE '2015-06-30', 30, 1, true),
          ('E08000021', 2, DATE '2015-09-30', 90, 1, true),
          ('E08000021', 2, DATE '2015-12-31', 120, 1, true),
          ('E09000002', 2, DATE '2015-06-30', 15, 1, true),
          ('E09000002', 2, DATE '2015-09-30', 45, 1, true),
          ('E09000002', 2, DATE '2015-12-31', 60, 1, true),
          ('E09000003', 2, DATE '2015-06-30', 50, 1, true),
          ('E09000003', 2, DATE '2015-09-30', 75, 1, true),
          ('E09000005', 2, DATE '2015-06-30', 40, 1, true),
          ('E09000005', 2, DATE '2015-09-30', 80, 1, true)
        ) AS v(authority_code, phase, period_end, turned_around, version, is_current)
        UNION ALL
        SELECT 'r-' || q.authority_code || '-1-' || q.period_end || '-v1', q.authority_code,
               q.authority_code, 1, q.period_end, q.turned_around * 4, q.turned_around * 3,
               q.turned_around - q.turned_around // 5, q.turned_around // 5, 0, NULL,
               q.turned_around, CAST(q.period_end + INTERVAL 20 DAY AS TIMESTAMPTZ),
               CAST(q.period_end + INTERVAL 20 DAY AS TIMESTAMPTZ), 'operator drop', false,
               'officer@example.gov.uk', 'A. Director', NULL,
               lower(q.authority_code) || '_' || q.period_end || '_v1', 'XLSX', repeat('0', 64),
               'snap-fixture', true, NULL, NULL
        -- Barnet and Brent (Hartlepool's neighbours in the older set) report more than the rest,
        -- so a benchmark pooled from the wrong set shows a different figure.
        FROM (
          SELECT a.authority_code, p.period_end,
                 p.turned_around + CASE a.authority_code
                   WHEN 'E09000003' THEN 10 WHEN 'E09000005' THEN 20 ELSE 0 END AS turned_around
          FROM dim_authority AS a
          CROSS JOIN (VALUES (DATE '2014-12-31', 10), (DATE '2015-03-31', 25))
            AS p(period_end, turned_around)
        ) AS q
        """);
  }

  private static void insertFindings(Statement sql) throws SQLException {
    sql.execute(
        """
        INSERT INTO fact_finding BY NAME
        SELECT *, 'snap-fixture' AS snapshot_id FROM (VALUES
          ('f-1', 'TFQR-S05', 'RETURN_REJECTED', 'e09000005_2015-12-31_v1', 'e09000005_2015-12-31_v1.csv',
           'summary', 2, 'families_attached', 'families_attached is more than families_identified',
           'E09000005', 2, DATE '2015-12-31', NULL),
          ('f-2', 'TFQR-C02', 'ROW_REJECTED', 'e06000001_2015-09-30_v2', 'e06000001_2015-09-30_v2.csv',
           'claims', 5, 'achieved_on', 'achieved_on is before attached_on',
           'E06000001', 2, DATE '2015-09-30', 'r-E06000001-2-2015-09-30-v2'),
          ('f-3', 'TFQR-C02', 'ROW_REJECTED', 'e06000001_2015-09-30_v2', 'e06000001_2015-09-30_v2.csv',
           'claims', 7, 'achieved_on', 'achieved_on is before attached_on',
           'E06000001', 2, DATE '2015-09-30', 'r-E06000001-2-2015-09-30-v2'),
          ('f-4', 'TFQR-W01', 'WARNING', 'e09000003_2015-06-30_v1', 'e09000003_2015-06-30_v1.csv',
           'summary', 2, NULL, 'claims do not reconcile with the summary',
           'E09000003', 2, DATE '2015-06-30', 'r-E09000003-2-2015-06-30-v1'),
          ('f-5', 'TFQR-F01', 'RETURN_REJECTED', 'unknown_upload', 'unknown_upload.txt',
           NULL, NULL, NULL, 'not a CSV or XLSX return', NULL, NULL, NULL, NULL)
        ) AS v(finding_id, rule_id, severity, source_stem, file, sheet, row_number, column_name,
               message, authority_code, phase, period_end, return_id)
        """);
  }

  private static void deriveLeagueTable(Statement sql) throws SQLException {
    sql.execute(
        """
        INSERT INTO agg_authority_quarter BY NAME
        WITH current_figures AS (
          SELECT r.authority_code, r.phase, r.period_end, r.families_identified,
                 r.families_attached, r.turned_around, r.return_id, a.authority_name,
                 a.region_code, a.region_name, a.authority_type, t.target_families, t.target_basis,
                 CAST(ROUND(100.0 * r.turned_around / t.target_families, 1) AS DECIMAL(7,1))
                   AS percent_of_target
          FROM fact_return AS r
          JOIN dim_authority AS a ON a.authority_code = r.authority_code
          JOIN dim_target AS t ON t.authority_code = r.authority_code AND t.phase = r.phase
          WHERE r.is_current
        )
        SELECT *,
          RANK() OVER (PARTITION BY phase, period_end ORDER BY percent_of_target DESC) AS national_rank,
          RANK() OVER (PARTITION BY phase, period_end, region_code ORDER BY percent_of_target DESC)
            AS region_rank,
          RANK() OVER (PARTITION BY phase, period_end, authority_type ORDER BY percent_of_target DESC)
            AS type_rank,
          NTILE(4) OVER (PARTITION BY phase, period_end ORDER BY percent_of_target DESC) AS quartile,
          turned_around - LAG(turned_around) OVER previous AS change_in_turned_around,
          percent_of_target - LAG(percent_of_target) OVER previous AS change_in_percent_points
        FROM current_figures
        WINDOW previous AS (PARTITION BY authority_code, phase ORDER BY period_end)
        """);
  }

  private static void derivePayments(Statement sql) throws SQLException {
    sql.execute(
        """
        INSERT INTO fact_payment BY NAME
        SELECT r.authority_code, r.phase, r.period_end, p.financial_year,
          r.families_attached AS attached_families_paid,
          0 AS attachment_fee_gbp,
          0 AS results_crime_asb_education_gbp,
          1000 * (r.turned_around - COALESCE(LAG(r.turned_around) OVER previous, 0))
            AS results_continuous_employment_gbp,
          0 AS results_progress_to_work_gbp,
          0 AS results_sustained_progress_gbp,
          1000 * (r.turned_around - COALESCE(LAG(r.turned_around) OVER previous, 0)) AS total_gbp,
          1000 * r.turned_around AS cumulative_gbp,
          1000 * t.target_families AS cap_gbp,
          r.authority_code = 'E08000021' AND r.period_end = DATE '2015-12-31' AS capped
        FROM fact_return AS r
        JOIN dim_target AS t ON t.authority_code = r.authority_code AND t.phase = r.phase
        JOIN dim_period AS p ON p.phase = r.phase AND p.period_end = r.period_end
        WHERE r.is_current
        WINDOW previous AS (PARTITION BY r.authority_code, r.phase ORDER BY r.period_end)
        """);
  }
}
