-- Each region's totals for one phase and quarter: sums of its authorities that reported, against
-- the sum of all its authorities' targets for the phase. Every region is listed, even one where no
-- authority reported. Percent of target as in national_totals.sql.
WITH reported AS (
  SELECT
    region_code,
    COUNT(*) AS authorities_reporting,
    CAST(SUM(families_identified) AS BIGINT) AS families_identified,
    CAST(SUM(families_attached) AS BIGINT) AS families_attached,
    CAST(SUM(turned_around) AS BIGINT) AS turned_around
  FROM agg_authority_quarter
  WHERE phase = :phase
    AND period_end = :period
  GROUP BY region_code
),
target AS (
  SELECT
    a.region_code,
    MIN(a.region_name) AS region_name,
    COUNT(*) AS authorities_total,
    CAST(SUM(t.target_families) AS BIGINT) AS target_families
  FROM dim_authority a
  JOIN dim_target t ON t.authority_code = a.authority_code AND t.phase = :phase
  GROUP BY a.region_code
)
SELECT
  t.region_code,
  t.region_name,
  CAST(COALESCE(r.authorities_reporting, 0) AS BIGINT) AS authorities_reporting,
  CAST(t.authorities_total AS BIGINT) AS authorities_total,
  r.families_identified,
  r.families_attached,
  r.turned_around,
  t.target_families,
  CASE
    WHEN t.target_families > 0 AND r.turned_around IS NOT NULL THEN
      CAST(floor((2000 * CAST(r.turned_around AS DOUBLE) + t.target_families)
                 / (2 * CAST(t.target_families AS DOUBLE))) / 10 AS DECIMAL(7, 1))
  END AS percent_of_target
FROM target t
LEFT JOIN reported r ON r.region_code = t.region_code
ORDER BY t.region_code
