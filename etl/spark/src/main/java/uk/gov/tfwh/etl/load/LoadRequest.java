package uk.gov.tfwh.etl.load;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * What to load and where.
 *
 * @param retain how many committed snapshots to keep (the current and published ones always stay)
 */
public record LoadRequest(Path landingDir, Path warehouseDir, Path referenceDir, int retain) {
  public static final int DEFAULT_RETAIN = 10;

  public LoadRequest {
    requireNonNull(landingDir, "landingDir");
    requireNonNull(warehouseDir, "warehouseDir");
    requireNonNull(referenceDir, "referenceDir");
    if (retain < 1) {
      throw new IllegalArgumentException("retain at least one snapshot, not " + retain);
    }
  }
}
