-- The authorities of the snapshot's reference set with both phases' targets and their basis
-- (optionally one authority).
SELECT
  a.authority_code,
  a.authority_name,
  a.region_code,
  a.region_name,
  a.authority_type,
  a.former_codes,
  t1.target_families AS phase1_target,
  t1.target_basis AS phase1_target_basis,
  t2.target_families AS phase2_target,
  t2.target_basis AS phase2_target_basis,
  a.reference_version
FROM dim_authority a
LEFT JOIN dim_target t1 ON t1.authority_code = a.authority_code AND t1.phase = 1
LEFT JOIN dim_target t2 ON t2.authority_code = a.authority_code AND t2.phase = 2
WHERE (:authority IS NULL OR a.authority_code = :authority)
ORDER BY a.authority_code
