package uk.gov.tfwh.warehouse.iceberg.release;

import static java.util.Objects.requireNonNull;

/**
 * A release's number, id and manifest, without its load report ({@link
 * ReleaseCatalog#manifests()}): what listing the releases needs ({@code ./tfwh publish --list}).
 * The report lists every return read (1.8 MB on the seed-1 sample's 31 quarters), so a list of
 * every retained release with its report was tens of megabytes to read for nothing.
 *
 * @param seq the release's number
 * @param id the release's id
 * @param manifestJson the snapshot manifest as JSON
 */
public record ReleaseManifest(long seq, String id, String manifestJson) {
  public ReleaseManifest {
    ReleaseRecord.requireId("id", id);
    requireNonNull(manifestJson, "manifestJson");
  }
}
