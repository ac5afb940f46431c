package uk.gov.tfwh.warehouse.iceberg.catalog;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * The embedded engine's local copy of an {@code s3://} warehouse's data files (DuckDB reads local
 * files only; docs/design/iceberg.md, section 5.10): the {@code tfwh.cache.*} catalog settings.
 *
 * @param dir the folder, {@code <warehouse folder>/cache} unless set
 * @param maxBytes the size above which files no open release reads are removed
 */
public record CacheSettings(Path dir, long maxBytes) {

  /** The cache's folder inside the warehouse folder, by default. */
  public static final String FOLDER = "cache";

  /** 10 GiB: several releases of the seed-1 warehouse, far from a small disk's size. */
  public static final long DEFAULT_MAX_MIB = 10 * 1024;

  public CacheSettings {
    requireNonNull(dir, "dir");
    if (!dir.isAbsolute()) {
      throw new IllegalArgumentException(
          CatalogSettings.CACHE_DIR + " must be an absolute folder, not '" + dir + "'");
    }
    dir = dir.normalize();
    if (maxBytes <= 0) {
      throw new IllegalArgumentException(
          CatalogSettings.CACHE_MAX_MIB + " must be a positive number of MiB");
    }
  }

  /** The default cache of a warehouse folder. */
  public static CacheSettings in(Path warehouseDir) {
    return new CacheSettings(
        warehouseDir.toAbsolutePath().normalize().resolve(FOLDER), DEFAULT_MAX_MIB * 1024 * 1024);
  }
}
