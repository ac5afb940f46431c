-- An authority and its comparison group in one phase and quarter: every member's figures and its
-- rank within the group. The group is 'neighbours' (the statistical neighbour set in effect at
-- the quarter), 'region', 'type' (authority type) or 'england' (every authority); the subject is
-- always a member. The group rank is competition ranking ("1224") over the national rank, which
-- already orders by the exact ratio turned around / target, so ties stay ties. Median and
-- quartiles are worked out in Java from these rows (BenchmarkSummary), because the engines'
-- percentile functions differ.
WITH subject AS (
  SELECT authority_code, region_code, authority_type
  FROM dim_authority
  WHERE authority_code = :authority
),
neighbour AS (
  SELECT n.neighbour_code, n.neighbour_rank
  FROM dim_neighbour n
  WHERE n.authority_code = :authority
    AND n.effective_from = (
      SELECT MAX(effective_from)
      FROM dim_neighbour
      WHERE authority_code = :authority
        AND effective_from <= :period)
),
member AS (
  SELECT
    a.authority_code,
    a.authority_name,
    a.region_name,
    a.authority_type,
    a.authority_code = s.authority_code AS is_subject,
    nb.neighbour_rank,
    a.turned_around,
    a.target_families,
    a.percent_of_target,
    a.national_rank
  FROM agg_authority_quarter a
  CROSS JOIN subject s
  LEFT JOIN neighbour nb ON nb.neighbour_code = a.authority_code
  WHERE a.phase = :phase
    AND a.period_end = :period
    AND (a.authority_code = s.authority_code
      OR (:comparison_group = 'neighbours' AND nb.neighbour_code IS NOT NULL)
      OR (:comparison_group = 'region' AND a.region_code = s.region_code)
      OR (:comparison_group = 'type' AND a.authority_type = s.authority_type)
      OR :comparison_group = 'england')
)
SELECT
  authority_code,
  authority_name,
  region_name,
  authority_type,
  is_subject,
  neighbour_rank,
  turned_around,
  target_families,
  percent_of_target,
  national_rank,
  CAST(RANK() OVER (ORDER BY national_rank) AS INTEGER) AS group_rank,
  CAST(COUNT(*) OVER () AS INTEGER) AS group_size
FROM member
ORDER BY national_rank, authority_name, authority_code
