-- One authority's quarterly series in a phase, oldest quarter first: only the quarters it reported
-- (a gap stays a gap; the projection in the API spans it).
SELECT
  a.period_end,
  p.quarter_label,
  p.quarter_index,
  a.families_identified,
  a.families_attached,
  a.turned_around,
  a.target_families,
  a.target_basis,
  a.percent_of_target,
  a.national_rank,
  a.region_rank,
  a.type_rank,
  a.quartile,
  a.change_in_turned_around,
  a.change_in_percent_points
FROM agg_authority_quarter a
JOIN dim_period p ON p.phase = a.phase AND p.period_end = a.period_end
WHERE a.authority_code = :authority
  AND a.phase = :phase
ORDER BY a.period_end
