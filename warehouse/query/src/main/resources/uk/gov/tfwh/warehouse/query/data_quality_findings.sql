-- Every rejection, warning and note about returns for one phase and quarter (optionally one
-- authority). Findings whose authority or quarter could not be read are not about any quarter and
-- are not listed here.
SELECT
  f.authority_code,
  f.rule_id,
  f.severity,
  f.source_stem,
  f.file,
  f.sheet,
  f.row_number,
  f.column_name,
  f.message,
  f.return_id,
  f.snapshot_id,
  f.finding_id
FROM fact_finding f
WHERE f.phase = :phase
  AND f.period_end = :period
  AND (:authority IS NULL OR f.authority_code = :authority)
ORDER BY f.authority_code NULLS LAST, f.source_stem, f.row_number NULLS FIRST, f.rule_id, f.finding_id
