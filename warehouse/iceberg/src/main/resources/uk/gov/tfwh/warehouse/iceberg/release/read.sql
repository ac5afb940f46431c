-- The readers' statements. Each read is one statement, so it sees one committed state of the
-- release tables: a release with all of its tables, never a release of one state with the tables
-- or the publication of another.

-- A release is read by one of the choices below (a WITH clause naming the chosen release) followed
-- by release-with-tables, manifest-with-tables or outline: one statement. Parameter 1 is the
-- catalog; by-id takes the release id as parameter 2.

-- name: choose-current
-- The newest release (privileged users: possibly not yet published).
WITH chosen AS (SELECT catalog_name, max(release_seq) AS release_seq
                  FROM tfwh_release
                 WHERE catalog_name = ?
                 GROUP BY catalog_name);

-- name: choose-published
-- The release of the newest publication.
WITH chosen AS (SELECT catalog_name, release_seq
                  FROM tfwh_publication
                 WHERE catalog_name = ?
                 ORDER BY publication_seq DESC
                 LIMIT 1);

-- name: choose-by-id
-- One release by its id.
WITH chosen AS (SELECT catalog_name, release_seq
                  FROM tfwh_release
                 WHERE catalog_name = ?
                   AND release_id = ?);

-- name: release-with-tables
-- The chosen release's row first (part 0), then a row per table (part 1) without the release's
-- columns: the manifest and the report list every landing file and every return (megabytes on a
-- long history), and a join would repeat them on every table's row (SQLite sorts them a dozen
-- times over, PostgreSQL sends them a dozen times).
SELECT 0 AS part, r.release_seq, r.release_id, r.parent_release_id, r.created_at,
       r.reference_version, r.inputs_digest, r.manifest_json, r.load_report_json, r.written_by,
       NULL AS table_namespace, NULL AS table_name, NULL AS snapshot_id, NULL AS schema_id,
       NULL AS row_count, NULL AS file_count
  FROM tfwh_release r
  JOIN chosen c
    ON r.catalog_name = c.catalog_name AND r.release_seq = c.release_seq
UNION ALL
SELECT 1, t.release_seq, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
       t.table_namespace, t.table_name, t.snapshot_id, t.schema_id, t.row_count, t.file_count
  FROM tfwh_release_table t
  JOIN chosen c
    ON t.catalog_name = c.catalog_name AND t.release_seq = c.release_seq
 ORDER BY part, table_namespace, table_name;

-- name: manifest-with-tables
-- As release-with-tables, with the manifest but not the load report: what a load builds on. The
-- report lists every return (megabytes on a long history), and no load reads its parent's.
SELECT 0 AS part, r.release_seq, r.release_id, r.manifest_json,
       NULL AS table_namespace, NULL AS table_name, NULL AS snapshot_id, NULL AS schema_id,
       NULL AS row_count, NULL AS file_count
  FROM tfwh_release r
  JOIN chosen c
    ON r.catalog_name = c.catalog_name AND r.release_seq = c.release_seq
UNION ALL
SELECT 1, t.release_seq, NULL, NULL,
       t.table_namespace, t.table_name, t.snapshot_id, t.schema_id, t.row_count, t.file_count
  FROM tfwh_release_table t
  JOIN chosen c
    ON t.catalog_name = c.catalog_name AND t.release_seq = c.release_seq
 ORDER BY part, table_namespace, table_name;

-- name: outline
-- The chosen release's number, id and tables, without the manifest and report: what a query is
-- pinned to (Trino's path reads it on every query) and what Repair keeps the published tags at.
SELECT r.release_seq, r.release_id,
       t.table_namespace, t.table_name, t.snapshot_id, t.schema_id, t.row_count, t.file_count
  FROM tfwh_release r
  JOIN chosen c
    ON r.catalog_name = c.catalog_name AND r.release_seq = c.release_seq
  LEFT JOIN tfwh_release_table t
         ON t.catalog_name = r.catalog_name AND t.release_seq = r.release_seq
 ORDER BY t.table_namespace, t.table_name;

-- name: outlines
-- Every release's number, id and tables, oldest first, without the manifest and report (they grow
-- with the history): what Repair makes the refs agree with and retention keeps, in one read.
SELECT r.release_seq, r.release_id,
       t.table_namespace, t.table_name, t.snapshot_id, t.schema_id, t.row_count, t.file_count
  FROM tfwh_release r
  LEFT JOIN tfwh_release_table t
         ON t.catalog_name = r.catalog_name AND t.release_seq = r.release_seq
 WHERE r.catalog_name = ?
 ORDER BY r.release_seq, t.table_namespace, t.table_name;

-- name: list
-- Every release, oldest first, without its tables.
SELECT release_seq, release_id, parent_release_id, created_at, reference_version,
       inputs_digest, manifest_json, load_report_json, written_by
  FROM tfwh_release
 WHERE catalog_name = ?
 ORDER BY release_seq;

-- name: manifests
-- Every release's number, id and manifest, oldest first, without the load report: what
-- ./tfwh publish --list shows (the report lists every return, megabytes each on a long history).
SELECT release_seq, release_id, manifest_json
  FROM tfwh_release
 WHERE catalog_name = ?
 ORDER BY release_seq;

-- name: publications
-- Every publication, oldest first (a release published twice appears twice).
SELECT p.publication_seq, p.release_seq, r.release_id, p.published_at, p.published_by
  FROM tfwh_publication p
  JOIN tfwh_release r
    ON r.catalog_name = p.catalog_name AND r.release_seq = p.release_seq
 WHERE p.catalog_name = ?
 ORDER BY p.publication_seq;

-- name: change-token
-- What readers poll: the newest release's and the newest publication's numbers (null: none).
SELECT (SELECT max(release_seq) FROM tfwh_release WHERE catalog_name = ?),
       (SELECT max(publication_seq) FROM tfwh_publication WHERE catalog_name = ?);
