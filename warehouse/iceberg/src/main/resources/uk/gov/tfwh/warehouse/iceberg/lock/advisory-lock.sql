-- PostgreSQL's advisory lock as the warehouse's writer lock (docs/design/iceberg.md, section 5.6),
-- on a connection of its own kept open for the whole operation. The server releases the lock when
-- that session ends, including when the holding process is killed. tfwh_writer only says who holds
-- it.

-- name: try-lock
-- One lock per catalog name (several catalogs may share a database); true when taken.
SELECT pg_try_advisory_lock(hashtextextended('tfwh:' || ?, 0));

-- name: unlock
SELECT pg_advisory_unlock(hashtextextended('tfwh:' || ?, 0));

-- name: write-holder
-- A row a killed holder left behind is overwritten.
INSERT INTO tfwh_writer (catalog_name, holder, since) VALUES (?, ?, ?)
ON CONFLICT (catalog_name) DO UPDATE SET holder = EXCLUDED.holder, since = EXCLUDED.since;

-- name: read-holder
SELECT holder FROM tfwh_writer WHERE catalog_name = ?;

-- name: delete-holder
-- Only this holder's own row: never one a later holder wrote.
DELETE FROM tfwh_writer WHERE catalog_name = ? AND holder = ?;
