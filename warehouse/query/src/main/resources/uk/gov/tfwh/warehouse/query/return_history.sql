-- Every accepted version of one authority's return for a phase and quarter, oldest first: what
-- was submitted and when, which version stands, and which it replaced.
SELECT
  r.return_id,
  r.submitted_authority_code,
  r.families_identified,
  r.families_attached,
  r.results_crime_asb_education,
  r.results_continuous_employment,
  r.results_progress_to_work,
  r.results_sustained_progress,
  r.turned_around,
  r.submitted_at,
  r.submitted_by,
  r.sro_sign_off,
  r.revision_note,
  r.source_stem,
  r.source_format,
  r.is_current,
  r.supersedes_return_id,
  r.superseded_by_return_id,
  r.loaded_snapshot_id
FROM fact_return r
WHERE r.authority_code = :authority
  AND r.phase = :phase
  AND r.period_end = :period
ORDER BY r.submitted_at, r.return_id
