package uk.gov.tfwh.warehouse.iceberg.release;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * One release of the warehouse, as {@code tfwh_release} holds it: what the API calls a snapshot,
 * with an id of the snapshot store's form ({@code 20261205T210000123Z-abcdef12}). Releases are
 * numbered 1, 2, 3 ... in commit order, and a release's parent is always the one numbered one less.
 *
 * @param seq the release's number, 1 for the first
 * @param id the release's id, what the API shows
 * @param parentId the id of release {@code seq - 1}, empty for the first release
 * @param createdAt when the load that made it started
 * @param referenceVersion the reference data's version the load used
 * @param inputsDigest one checksum over every input file
 * @param manifest the snapshot manifest (inputs with their checksums, table stats)
 * @param loadReport the load's report
 * @param writtenBy who committed it: host, process and tfwh version
 */
public record ReleaseRecord(
    long seq,
    String id,
    Optional<String> parentId,
    Instant createdAt,
    String referenceVersion,
    String inputsDigest,
    ReleaseText manifest,
    ReleaseText loadReport,
    String writtenBy) {

  /** The longest id, version, digest ({@code VARCHAR(64)}) the release table holds. */
  static final int SHORT_TEXT = 64;

  /** The longest name ({@code VARCHAR(255)}) the release tables hold. */
  static final int NAME_TEXT = 255;

  public ReleaseRecord {
    requireId("id", id);
    requireNonNull(parentId, "parentId");
    requireNonNull(createdAt, "createdAt");
    requireText("referenceVersion", referenceVersion, SHORT_TEXT);
    requireText("inputsDigest", inputsDigest, SHORT_TEXT);
    requireNonNull(manifest, "manifest");
    requireNonNull(loadReport, "loadReport");
    requireText("writtenBy", writtenBy, NAME_TEXT);
    if (seq < 1) {
      throw new IllegalArgumentException("a release's seq is 1 or more, not " + seq);
    }
    if (seq == 1 && parentId.isPresent()) {
      throw new IllegalArgumentException("release 1 (" + id + ") has no parent");
    }
    if (seq > 1 && parentId.isEmpty()) {
      throw new IllegalArgumentException(
          "release " + seq + " (" + id + ") names its parent, release " + (seq - 1));
    }
    parentId.ifPresent(parent -> requireId("parentId", parent));
    if (parentId.filter(id::equals).isPresent()) {
      throw new IllegalArgumentException("release " + id + " cannot be its own parent");
    }
  }

  /** A release whose manifest and report are packed now ({@link ReleaseText#packing}). */
  public ReleaseRecord(
      long seq,
      String id,
      Optional<String> parentId,
      Instant createdAt,
      String referenceVersion,
      String inputsDigest,
      String manifestJson,
      String loadReportJson,
      String writtenBy) {
    this(
        seq,
        id,
        parentId,
        createdAt,
        referenceVersion,
        inputsDigest,
        ReleaseText.packing(manifestJson),
        ReleaseText.packing(loadReportJson),
        writtenBy);
  }

  /** The snapshot manifest as JSON. */
  public String manifestJson() {
    return manifest.json();
  }

  /** The load's report as JSON. */
  public String loadReportJson() {
    return loadReport.json();
  }

  /** The number of the release this one is built on: 0 for the first release. */
  public long parentSeq() {
    return seq - 1;
  }

  /** An id of the snapshot store's form: letters, digits, '-' and '_', at most 64 of them. */
  static String requireId(String what, String id) {
    requireNonNull(id, what);
    if (!id.matches("[A-Za-z0-9_-]{1,64}")) {
      throw new IllegalArgumentException(
          what
              + " must be a release id (letters, digits, '-' and '_', at most 64), not '"
              + id
              + "'");
    }
    return id;
  }

  static String requireText(String what, String value, int maxLength) {
    requireNonNull(value, what);
    if (value.isBlank() || value.length() > maxLength) {
      throw new IllegalArgumentException(
          what + " must be text of 1 to " + maxLength + " characters, not '" + value + "'");
    }
    return value;
  }
}
