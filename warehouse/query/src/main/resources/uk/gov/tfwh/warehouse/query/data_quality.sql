-- Submission status of every authority for one phase and quarter, with its findings counted.
--   missing      no accepted return for the quarter
--   late         no accepted version arrived by the quarter's deadline (fact_return.late, set by the
--                load from reference/submission-windows.csv: the same rule the submission
--                service marks a late return by)
--   resubmitted  more than one accepted version
--   accepted     one version, on time
-- A return that is both late and resubmitted shows 'late'; the two flags say both.
WITH version AS (
  SELECT
    authority_code,
    COUNT(*) AS versions,
    MIN(submitted_at) AS first_submitted_at,
    MAX(submitted_at) AS last_submitted_at,
    MAX(CASE WHEN is_current THEN return_id END) AS current_return_id,
    bool_and(late) AS late
  FROM fact_return
  WHERE phase = :phase
    AND period_end = :period
  GROUP BY authority_code
),
finding AS (
  SELECT
    authority_code,
    SUM(CASE WHEN severity IN ('RETURN_REJECTED', 'ROW_REJECTED') THEN 1 ELSE 0 END) AS rejections,
    SUM(CASE WHEN severity = 'WARNING' THEN 1 ELSE 0 END) AS warnings,
    SUM(CASE WHEN severity = 'NOTE' THEN 1 ELSE 0 END) AS notes
  FROM fact_finding
  WHERE phase = :phase
    AND period_end = :period
    AND authority_code IS NOT NULL
  GROUP BY authority_code
),
status AS (
  SELECT
    a.authority_code,
    a.authority_name,
    a.region_name,
    v.authority_code IS NOT NULL AS submitted,
    COALESCE(v.late, false) AS late,
    COALESCE(v.versions > 1, false) AS resubmitted,
    v.versions,
    v.first_submitted_at,
    v.last_submitted_at,
    v.current_return_id,
    f.rejections,
    f.warnings,
    f.notes
  FROM dim_authority a
  LEFT JOIN version v ON v.authority_code = a.authority_code
  LEFT JOIN finding f ON f.authority_code = a.authority_code
  WHERE (:authority IS NULL OR a.authority_code = :authority)
)
SELECT
  authority_code,
  authority_name,
  region_name,
  CASE
    WHEN NOT submitted THEN 'missing'
    WHEN late THEN 'late'
    WHEN resubmitted THEN 'resubmitted'
    ELSE 'accepted'
  END AS status,
  late,
  resubmitted,
  CAST(COALESCE(versions, 0) AS BIGINT) AS versions,
  first_submitted_at,
  last_submitted_at,
  current_return_id,
  CAST(COALESCE(rejections, 0) AS BIGINT) AS rejections,
  CAST(COALESCE(warnings, 0) AS BIGINT) AS warnings,
  CAST(COALESCE(notes, 0) AS BIGINT) AS notes
FROM status
ORDER BY authority_code
