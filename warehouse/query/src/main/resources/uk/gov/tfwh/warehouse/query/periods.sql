-- The quarters of each phase (optionally one phase), with how many authorities have figures in
-- each, so callers can tell a quarter with no data from one that does not exist.
SELECT
  p.phase,
  p.period_end,
  p.quarter_label,
  p.financial_year,
  p.quarter_index,
  CAST(COALESCE(r.authorities_reporting, 0) AS BIGINT) AS authorities_reporting
FROM dim_period p
LEFT JOIN (
  SELECT phase, period_end, COUNT(*) AS authorities_reporting
  FROM agg_authority_quarter
  GROUP BY phase, period_end
) r ON r.phase = p.phase AND r.period_end = p.period_end
WHERE (:phase IS NULL OR p.phase = :phase)
ORDER BY p.phase, p.period_end
