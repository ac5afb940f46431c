-- Which version of its tables each component of tfwh has made in the catalog database.
-- Portable SQL: SQLite and PostgreSQL.

-- name: create
CREATE TABLE IF NOT EXISTS tfwh_schema_version (
  component VARCHAR(64) NOT NULL PRIMARY KEY,            -- 'release-tables'
  version   INTEGER     NOT NULL);

-- name: version
SELECT version FROM tfwh_schema_version WHERE component = ?;

-- name: insert
INSERT INTO tfwh_schema_version (component, version) VALUES (?, ?);

-- name: update
UPDATE tfwh_schema_version SET version = ? WHERE component = ?;
