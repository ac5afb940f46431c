-- League table: every authority's figures for one phase and quarter, by national rank.
-- Ranks, quartile and change are worked out by the load (docs/methodology.md); this only selects,
-- so both engines give the same order. Region matches its code or its name; filters are optional.
SELECT
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
WHERE a.phase = :phase
  AND a.period_end = :period
  AND (:region IS NULL OR a.region_code = :region OR a.region_name = :region)
  AND (:authority_type IS NULL OR a.authority_type = :authority_type)
ORDER BY a.national_rank, a.authority_name, a.authority_code
