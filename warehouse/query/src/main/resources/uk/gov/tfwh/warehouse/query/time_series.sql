-- Every authority's figures for every quarter with figures, both phases (or one), in one tidy
-- table: one row per authority, phase and quarter, as the league table has them quarter by
-- quarter. What every column means: GET /api/v1/time-series/metadata (WarehouseTable).
SELECT
  a.phase,
  a.period_end,
  p.quarter_label,
  p.financial_year,
  a.authority_code,
  a.authority_name,
  a.region_code,
  a.region_name,
  a.authority_type,
  a.target_families,
  a.target_basis,
  a.families_identified,
  a.families_attached,
  a.turned_around,
  a.percent_of_target,
  a.national_rank,
  a.region_rank,
  a.type_rank,
  a.quartile,
  a.change_in_turned_around,
  a.change_in_percent_points
FROM agg_authority_quarter a
JOIN dim_period p ON p.phase = a.phase AND p.period_end = a.period_end
WHERE (:phase IS NULL OR a.phase = :phase)
ORDER BY a.phase, a.period_end, a.authority_code
