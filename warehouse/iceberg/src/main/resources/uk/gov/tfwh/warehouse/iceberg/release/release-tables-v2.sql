-- The release tables, version 2: version 1 and the writer lock's holder (docs/design/iceberg.md,
-- sections 5.3 and 5.6). Run after release-tables-v1.sql, on a new database or to upgrade one of
-- version 1. Portable SQL: SQLite and PostgreSQL.

-- Who holds the writer lock of a catalog: text only, as the file lock's .lock file is. The lock
-- itself is PostgreSQL's advisory lock, which the server releases when the holder's session ends;
-- a row a killed holder left is overwritten by the next holder.
CREATE TABLE IF NOT EXISTS tfwh_writer (
  catalog_name VARCHAR(255) NOT NULL PRIMARY KEY,
  holder       VARCHAR(255) NOT NULL,                    -- purpose, host, process
  since        VARCHAR(32)  NOT NULL);                   -- ISO-8601 UTC
