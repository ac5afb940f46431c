package uk.gov.tfwh.etl.load;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Optional;
import uk.gov.tfwh.etl.read.ObjectLanding;
import uk.gov.tfwh.etl.report.LoadReport;
import uk.gov.tfwh.returns.landing.SubmissionSidecars;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings;

/**
 * What to load and where.
 *
 * @param retain how many committed snapshots to keep (the current and published ones always stay)
 * @param submissionsDir the submission service's folder, whose sidecars say who sent each return
 *     and when it was received (by default {@code submissions} beside the landing folder)
 * @param catalog the Iceberg catalog to load into; empty for the folder store (snapshot folders),
 *     still the default until the Iceberg warehouse becomes it (docs/design/iceberg.md, slice 7)
 * @param landingObjects the landing on object storage whose copy {@code landingDir} is, where the
 *     executors fetch the returns they read; empty when {@code landingDir} is the landing itself
 */
public record LoadRequest(
    Path landingDir,
    Path warehouseDir,
    Path referenceDir,
    int retain,
    Path submissionsDir,
    Optional<CatalogSettings> catalog,
    Optional<ObjectLanding> landingObjects) {
  public static final int DEFAULT_RETAIN = 10;

  public LoadRequest {
    requireNonNull(landingDir, "landingDir");
    requireNonNull(warehouseDir, "warehouseDir");
    requireNonNull(referenceDir, "referenceDir");
    requireNonNull(submissionsDir, "submissionsDir");
    requireNonNull(catalog, "catalog");
    requireNonNull(landingObjects, "landingObjects");
    if (retain < 1) {
      throw new IllegalArgumentException("retain at least one snapshot, not " + retain);
    }
  }

  /** A load of a landing folder. */
  public LoadRequest(
      Path landingDir,
      Path warehouseDir,
      Path referenceDir,
      int retain,
      Path submissionsDir,
      Optional<CatalogSettings> catalog) {
    this(landingDir, warehouseDir, referenceDir, retain, submissionsDir, catalog, Optional.empty());
  }

  /** A load into the folder store. */
  public LoadRequest(
      Path landingDir, Path warehouseDir, Path referenceDir, int retain, Path submissionsDir) {
    this(landingDir, warehouseDir, referenceDir, retain, submissionsDir, Optional.empty());
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

  /**
   * Where the whole load report of the release {@code id} is kept once committed: in the release's
   * row of the catalog on the Iceberg store (there is no {@code load-report.json} there), in the
   * snapshot's folder on the folder store.
   */
  public String reportPlace(String id) {
    return catalog.isPresent()
        ? "the load report of release "
            + id
            + " (column load_report_json of its tfwh_release row in the catalog)"
        : warehouseDir.resolve("snapshots").resolve(id).resolve(LoadReport.FILE_NAME).toString();
  }

  /** This load, into the Iceberg warehouse of these catalog settings. */
  public LoadRequest into(CatalogSettings settings) {
    return new LoadRequest(
        landingDir,
        warehouseDir,
        referenceDir,
        retain,
        submissionsDir,
        Optional.of(settings),
        landingObjects);
  }

  /**
   * This load, its landing on object storage: {@code landingDir} and {@code submissionsDir} are the
   * driver's copies of it ({@code LandingMirror}).
   */
  public LoadRequest from(ObjectLanding objects) {
    return new LoadRequest(
        landingDir,
        warehouseDir,
        referenceDir,
        retain,
        submissionsDir,
        catalog,
        Optional.of(objects));
  }
}
