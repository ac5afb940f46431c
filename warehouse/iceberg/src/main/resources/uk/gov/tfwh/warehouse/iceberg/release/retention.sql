-- Retention's deletion of releases that are not kept (docs/design/iceberg.md, section 5.8): every
-- release given, its tables first, in one transaction that first checks none of them is the
-- current release or has ever been published.

-- name: is-current
SELECT count(*) FROM tfwh_release
 WHERE catalog_name = ? AND release_seq = ?
   AND release_seq = (SELECT max(release_seq) FROM tfwh_release WHERE catalog_name = ?);

-- name: publications-of
SELECT count(*) FROM tfwh_publication WHERE catalog_name = ? AND release_seq = ?;

-- name: delete-tables
DELETE FROM tfwh_release_table WHERE catalog_name = ? AND release_seq = ?;

-- name: delete-release
DELETE FROM tfwh_release WHERE catalog_name = ? AND release_seq = ? AND release_id = ?;
