-- The release tables, version 1 (docs/design/iceberg.md, section 5.3), next to Iceberg's
-- iceberg_tables in the same database. Portable SQL: SQLite and PostgreSQL; times are ISO-8601
-- UTC text. Every row belongs to one catalog (Iceberg's catalog_name).

CREATE TABLE IF NOT EXISTS tfwh_release (
  catalog_name      VARCHAR(255) NOT NULL,
  release_seq       BIGINT       NOT NULL,               -- 1, 2, 3 ...: the parent is seq - 1
  release_id        VARCHAR(64)  NOT NULL,               -- the snapshot id the API shows
  parent_release_id VARCHAR(64),                         -- null for release 1
  created_at        VARCHAR(32)  NOT NULL,
  reference_version VARCHAR(64)  NOT NULL,
  inputs_digest     VARCHAR(64)  NOT NULL,
  manifest_json     TEXT         NOT NULL,               -- the snapshot manifest
  load_report_json  TEXT         NOT NULL,               -- the load report
  written_by        VARCHAR(255) NOT NULL,               -- host, process, tfwh version
  PRIMARY KEY (catalog_name, release_seq),               -- a racing writer on the same parent fails here
  UNIQUE (catalog_name, release_id));

CREATE TABLE IF NOT EXISTS tfwh_release_table (
  catalog_name    VARCHAR(255) NOT NULL,
  release_seq     BIGINT       NOT NULL,
  table_namespace VARCHAR(255) NOT NULL,                 -- the warehouse's or tfwh_state
  table_name      VARCHAR(255) NOT NULL,
  snapshot_id     BIGINT       NOT NULL,                 -- the Iceberg snapshot the release reads
  schema_id       INTEGER      NOT NULL,
  row_count       BIGINT       NOT NULL,
  file_count      INTEGER      NOT NULL,
  PRIMARY KEY (catalog_name, release_seq, table_namespace, table_name),
  FOREIGN KEY (catalog_name, release_seq) REFERENCES tfwh_release (catalog_name, release_seq));

CREATE TABLE IF NOT EXISTS tfwh_publication (
  catalog_name    VARCHAR(255) NOT NULL,
  publication_seq BIGINT       NOT NULL,                 -- 1, 2, 3 ...: the newest is what the public sees
  release_seq     BIGINT       NOT NULL,
  published_at    VARCHAR(32)  NOT NULL,
  published_by    VARCHAR(255) NOT NULL,
  PRIMARY KEY (catalog_name, publication_seq),
  FOREIGN KEY (catalog_name, release_seq) REFERENCES tfwh_release (catalog_name, release_seq));
