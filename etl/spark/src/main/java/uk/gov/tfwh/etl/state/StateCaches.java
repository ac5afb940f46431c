package uk.gov.tfwh.etl.state;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * The driver's decoded caches of the load state's data files (docs/load-state.md): the returns of
 * {@code return_read}'s and the stamps of {@code landing_file}'s, each in its own folder of the
 * warehouse folder.
 */
public record StateCaches(ReturnReadCache returns, LandingStampCache stamps) {
  public StateCaches {
    requireNonNull(returns, "returns");
    requireNonNull(stamps, "stamps");
  }

  /** The caches of a warehouse folder. */
  public static StateCaches in(Path warehouseDir) {
    return new StateCaches(ReturnReadCache.in(warehouseDir), LandingStampCache.in(warehouseDir));
  }
}
