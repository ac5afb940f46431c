-- Payment-by-results per authority and quarter in a phase (amounts by the payment rules, worked
-- out by the load), cumulative and against the cap. Authority and financial year are optional.
SELECT
  p.authority_code,
  a.authority_name,
  p.period_end,
  d.quarter_label,
  p.financial_year,
  p.attached_families_paid,
  p.attachment_fee_gbp,
  p.results_crime_asb_education_gbp,
  p.results_continuous_employment_gbp,
  p.results_progress_to_work_gbp,
  p.results_sustained_progress_gbp,
  p.total_gbp,
  p.cumulative_gbp,
  p.cap_gbp,
  CAST(p.cap_gbp - p.cumulative_gbp AS DECIMAL(14, 2)) AS remaining_cap_gbp,
  p.capped
FROM fact_payment p
JOIN dim_authority a ON a.authority_code = p.authority_code
JOIN dim_period d ON d.phase = p.phase AND d.period_end = p.period_end
WHERE p.phase = :phase
  AND (:authority IS NULL OR p.authority_code = :authority)
  AND (:financial_year IS NULL OR p.financial_year = :financial_year)
ORDER BY p.authority_code, p.period_end
