package uk.gov.tfwh.warehouse.iceberg.retention;

/**
 * The names of the refs the warehouse puts on its tables (docs/design/iceberg.md, section 5.4): a
 * load's branch {@code load_<release id>}, a release's tag {@code r_<release id>}, the {@code
 * published} tag and Iceberg's {@code main}.
 */
public final class ReleaseRefs {
  public static final String MAIN = "main";
  public static final String PUBLISHED = "published";
  static final String LOAD_PREFIX = "load_";
  static final String RELEASE_PREFIX = "r_";

  private ReleaseRefs() {}

  /**
   * The branch a load writes on. Spark names a branch as {@code table.branch_<name>}, where a
   * {@code -} is a parse error, so the id's dashes become underscores.
   */
  public static String loadBranch(String releaseId) {
    return LOAD_PREFIX + releaseId.replace('-', '_');
  }

  /** The tag that names a release's snapshot of a table. */
  public static String releaseTag(String releaseId) {
    return RELEASE_PREFIX + releaseId;
  }
}
