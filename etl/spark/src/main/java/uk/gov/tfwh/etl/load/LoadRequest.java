package uk.gov.tfwh.etl.load;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import uk.gov.tfwh.returns.landing.SubmissionSidecars;

/**
 * What to load and where.
 *
 * @param retain how many committed snapshots to keep (the current and published ones always stay)
 * @param submissionsDir the submission service's folder, whose sidecars say who sent each return
 *     and when it was received (by default {@code submissions} beside the landing folder)
 */
public record LoadRequest(
    Path landingDir, Path warehouseDir, Path referenceDir, int retain, Path submissionsDir) {
  public static final int DEFAULT_RETAIN = 10;

  public LoadRequest {
    requireNonNull(landingDir, "landingDir");
    requireNonNull(warehouseDir, "warehouseDir");
    requireNonNull(referenceDir, "referenceDir");
    requireNonNull(submissionsDir, "submissionsDir");
    if (retain < 1) {
      throw new IllegalArgumentException("retain at least one snapshot, not " + retain);
    }
  }

  /** A load whose submissions folder is the default one beside the landing folder. */
  public LoadRequest(Path landingDir, Path warehouseDir, Path referenceDir, int retain) {
    this(
        landingDir,
        warehouseDir,
        referenceDir,
        retain,
        SubmissionSidecars.defaultFolder(requireNonNull(landingDir, "landingDir")));
  }
}
