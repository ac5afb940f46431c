package uk.gov.tfwh.warehouse.snapshot;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a committed snapshot holds: its id, when and from what it was made (every input file with
 * its checksum), and how many rows each table has. Written as {@code manifest.json} inside the
 * snapshot folder; a snapshot folder without one is not a snapshot.
 *
 * @param parentId the snapshot this one was built on, or null for the first load
 * @param inputsDigest one checksum over all input files, so a reload of the same files is noticed
 */
public record SnapshotManifest(
    String id,
    Instant createdAt,
    String parentId,
    String referenceVersion,
    String inputsDigest,
    List<InputFile> inputs,
    Map<String, TableStats> tables) {

  public SnapshotManifest {
    requireNonNull(id, "id");
    requireNonNull(createdAt, "createdAt");
    requireNonNull(referenceVersion, "referenceVersion");
    requireNonNull(inputsDigest, "inputsDigest");
    inputs = List.copyOf(inputs);
    tables = java.util.Collections.unmodifiableMap(new TreeMap<>(tables));
  }

  /**
   * One file of the landing folder that this snapshot's history includes.
   *
   * @param receivedAt when a load first saw the file with these contents, carried unchanged by
   *     every later load (null in manifests written before it was recorded)
   */
  public record InputFile(String name, long sizeBytes, String sha256, Instant receivedAt) {
    public InputFile {
      requireNonNull(name, "name");
      requireNonNull(sha256, "sha256");
    }

    public InputFile(String name, long sizeBytes, String sha256) {
      this(name, sizeBytes, sha256, null);
    }
  }

  /** Row and file counts of one table in the snapshot. */
  public record TableStats(long rows, int files) {}
}
