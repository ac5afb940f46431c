-- Where the catalog's tables of the warehouse's two namespaces keep their metadata. Iceberg's JDBC
-- catalog makes iceberg_tables; a view (iceberg_type VIEW, made by Trino) is not written by us.

-- name: table-locations
SELECT table_namespace, table_name, metadata_location
  FROM iceberg_tables
 WHERE catalog_name = ?
   AND table_namespace IN (?, ?)
   AND (iceberg_type IS NULL OR iceberg_type = 'TABLE')
 ORDER BY table_namespace, table_name;
