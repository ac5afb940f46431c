-- A publication: one row, numbered the newest publication's number + 1, in one transaction
-- that first finds the release (commit.sql's release-of-id).

-- name: newest-publication
SELECT max(publication_seq) FROM tfwh_publication WHERE catalog_name = ?;

-- name: insert-publication
INSERT INTO tfwh_publication (catalog_name, publication_seq, release_seq, published_at,
                              published_by)
VALUES (?, ?, ?, ?, ?);
