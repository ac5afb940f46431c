-- The rows of every table of the snapshot: what readiness compares with the manifest, so a table
-- whose files cannot be read (or were changed under the snapshot) makes the service not ready.
SELECT 'dim_authority' AS table_name, COUNT(*) AS row_count FROM dim_authority
UNION ALL SELECT 'dim_period', COUNT(*) FROM dim_period
UNION ALL SELECT 'dim_target', COUNT(*) FROM dim_target
UNION ALL SELECT 'dim_neighbour', COUNT(*) FROM dim_neighbour
UNION ALL SELECT 'fact_return', COUNT(*) FROM fact_return
UNION ALL SELECT 'fact_claim', COUNT(*) FROM fact_claim
UNION ALL SELECT 'fact_finding', COUNT(*) FROM fact_finding
UNION ALL SELECT 'fact_payment', COUNT(*) FROM fact_payment
UNION ALL SELECT 'agg_authority_quarter', COUNT(*) FROM agg_authority_quarter
ORDER BY table_name
