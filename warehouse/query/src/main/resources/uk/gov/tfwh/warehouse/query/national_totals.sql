-- England's totals for one phase and quarter: the sums of the authorities that reported, against
-- the sum of every authority's target for the phase (an authority that has not reported still
-- counts towards the national target). Percent of target is half-up to one decimal place, worked
-- out on whole numbers in DOUBLE, which both engines divide identically.
WITH reported AS (
  SELECT
    COUNT(*) AS authorities_reporting,
    CAST(SUM(families_identified) AS BIGINT) AS families_identified,
    CAST(SUM(families_attached) AS BIGINT) AS families_attached,
    CAST(SUM(turned_around) AS BIGINT) AS turned_around
  FROM agg_authority_quarter
  WHERE phase = :phase
    AND period_end = :period
),
target AS (
  SELECT
    COUNT(*) AS authorities_total,
    CAST(SUM(target_families) AS BIGINT) AS target_families
  FROM dim_target
  WHERE phase = :phase
)
SELECT
  CAST(r.authorities_reporting AS BIGINT) AS authorities_reporting,
  CAST(t.authorities_total AS BIGINT) AS authorities_total,
  r.families_identified,
  r.families_attached,
  r.turned_around,
  t.target_families,
  CASE
    WHEN t.target_families > 0 THEN
      CAST(floor((2000 * CAST(r.turned_around AS DOUBLE) + t.target_families)
                 / (2 * CAST(t.target_families AS DOUBLE))) / 10 AS DECIMAL(7, 1))
  END AS percent_of_target
FROM reported r
CROSS JOIN target t
