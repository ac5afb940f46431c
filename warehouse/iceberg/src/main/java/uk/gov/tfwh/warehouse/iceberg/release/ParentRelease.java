package uk.gov.tfwh.warehouse.iceberg.release;

import static java.util.Objects.requireNonNull;

/**
 * The release a load builds on: its number, id and tables, and its manifest, without its load
 * report ({@link ReleaseCatalog#currentParent()}). The report lists every return read (1.8 MB on
 * the seed-1 sample's 31 quarters) and no load reads its parent's, so reading it cost each load on
 * a long history tens of milliseconds for nothing.
 *
 * @param outline the release's number, id and tables
 * @param manifestJson the snapshot manifest as JSON
 */
public record ParentRelease(ReleaseOutline outline, String manifestJson) {
  public ParentRelease {
    requireNonNull(outline, "outline");
    requireNonNull(manifestJson, "manifestJson");
  }

  public long seq() {
    return outline.seq();
  }

  public String id() {
    return outline.id();
  }
}
