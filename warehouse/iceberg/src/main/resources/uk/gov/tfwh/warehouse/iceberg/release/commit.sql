-- The release transaction (docs/design/iceberg.md, section 5.3): check the parent, insert the
-- release and its tables, commit. Run with autocommit off: BEGIN IMMEDIATE on SQLite, READ
-- COMMITTED on PostgreSQL.

-- name: newest-release
-- Must be the release the new one was built on, else the current release moved.
SELECT release_seq, release_id
  FROM tfwh_release
 WHERE catalog_name = ?
 ORDER BY release_seq DESC
 LIMIT 1;

-- name: release-of-id
SELECT release_seq FROM tfwh_release WHERE catalog_name = ? AND release_id = ?;

-- name: insert-release
-- release_seq is the parent's + 1 and the primary key: of two writers on one parent, one fails here.
INSERT INTO tfwh_release (catalog_name, release_seq, release_id, parent_release_id, created_at,
                          reference_version, inputs_digest, manifest_json, load_report_json,
                          written_by)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- name: insert-table
INSERT INTO tfwh_release_table (catalog_name, release_seq, table_namespace, table_name,
                                snapshot_id, schema_id, row_count, file_count)
VALUES (?, ?, ?, ?, ?, ?, ?, ?);
