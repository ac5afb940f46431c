package uk.gov.tfwh.warehouse.iceberg.release;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogDatabase;
import uk.gov.tfwh.warehouse.release.WarehouseReleases;
import uk.gov.tfwh.warehouse.snapshot.ManifestJson;
import uk.gov.tfwh.warehouse.snapshot.SnapshotManifest;

/**
 * The Iceberg store's releases as their readers see them ({@link WarehouseReleases}), read from the
 * release tables (docs/design/iceberg.md, section 5.3). What the readers ask for on every request
 * (the current and the published release, the publications) is read once per change token and kept
 * with it, so while nothing is committed or published a request costs the token's one cheap
 * statement. A release's manifest is the {@link SnapshotManifest} its row holds as JSON.
 *
 * <p>Several readers (the API, {@code ./tfwh publish}) may each have one over the same catalog:
 * each sees the others' commits and publications with its next call, because the token is read from
 * the database every time.
 */
public final class IcebergReleases implements WarehouseReleases {

  /** What was read under one change token. */
  private record Resolved(
      ChangeToken token,
      Optional<Release> current,
      Optional<Release> published,
      List<Publication> publications) {}

  private final ReleaseCatalog catalog;
  private final String catalogName;
  private final String location;
  private volatile Resolved resolved;

  /** The releases of the catalog in this database; its release tables must exist. */
  public IcebergReleases(CatalogDatabase database) {
    this(new ReleaseCatalog(requireNonNull(database, "database")));
  }

  /** The releases these release tables hold; they must exist. */
  public IcebergReleases(ReleaseCatalog catalog) {
    this.catalog = requireNonNull(catalog, "catalog");
    CatalogDatabase database = catalog.database();
    this.catalogName = database.catalogName();
    this.location = "the catalog " + database.catalogName() + " at " + database.settings().uri();
  }

  /** The releases of the catalog in this database, its release tables created if missing. */
  public static IcebergReleases open(CatalogDatabase database) {
    new ReleaseCatalog(database).migrate();
    return new IcebergReleases(database);
  }

  /** The release tables these releases are read from. */
  public ReleaseCatalog catalog() {
    return catalog;
  }

  /** The current release with its tables (pre-release unless published). */
  public Optional<Release> currentRelease() {
    return resolved().current();
  }

  /** The published release with its tables. */
  public Optional<Release> publishedRelease() {
    return resolved().published();
  }

  /** A committed release with its tables; empty for an unknown or malformed id. */
  public Optional<Release> release(String id) {
    if (!isReleaseId(id)) {
      return Optional.empty();
    }
    Optional<Release> pointedTo = pointedTo(id);
    return pointedTo.isPresent() ? pointedTo : catalog.byId(id);
  }

  /** The current or the published release when it has this id, as kept under the token. */
  private Optional<Release> pointedTo(String id) {
    Resolved now = resolved();
    return Stream.of(now.current(), now.published())
        .flatMap(Optional::stream)
        .filter(release -> release.id().equals(id))
        .findFirst();
  }

  @Override
  public Optional<String> currentId() {
    return currentRelease().map(Release::id);
  }

  @Override
  public Optional<String> publishedId() {
    return publishedRelease().map(Release::id);
  }

  /**
   * Whether a release of this id is committed now. Any other than the current and published ones is
   * looked up by its outline, never by its row's manifest and report (megabytes each on a long
   * history), and never from what the token keeps: retention deletes old releases without moving
   * the token.
   */
  @Override
  public boolean isCommitted(String id) {
    if (!isReleaseId(id)) {
      return false;
    }
    return pointedTo(id).isPresent() || catalog.outlineById(id).isPresent();
  }

  @Override
  public SnapshotManifest manifest(String id) {
    Release release =
        release(id).orElseThrow(() -> new UnknownReleaseException(catalogName, String.valueOf(id)));
    ReleaseRecord record = release.record();
    return manifest(record.seq(), record.id(), record.manifestJson());
  }

  @Override
  public List<SnapshotManifest> list() {
    return catalog.manifests().stream()
        .map(row -> manifest(row.seq(), row.id(), row.manifestJson()))
        .toList();
  }

  @Override
  public List<Publication> publications() {
    return resolved().publications();
  }

  @Override
  public ChangeToken changeToken() {
    return token(catalog.changeToken());
  }

  @Override
  public String location() {
    return location;
  }

  /**
   * What is read under the token now: the token first, then what it stands for. A commit between
   * the two leaves newer releases under an older token, which the next call's token tells apart and
   * reads again; the reverse (older releases kept under a newer token) cannot happen.
   */
  private Resolved resolved() {
    ChangeToken token = changeToken();
    Resolved last = resolved;
    if (last != null && last.token().equals(token)) {
      return last;
    }
    Resolved read =
        new Resolved(
            token,
            catalog.current(),
            catalog.published(),
            catalog.publications().stream()
                .map(p -> new Publication(p.publishedAt(), p.releaseId()))
                .toList());
    resolved = read;
    return read;
  }

  private static ChangeToken token(uk.gov.tfwh.warehouse.iceberg.release.ChangeToken token) {
    return new ChangeToken(
        "release " + token.releaseSeq() + ", publication " + token.publicationSeq());
  }

  /** The manifest a release row holds, which must be the release's own. */
  static SnapshotManifest manifest(long seq, String id, String manifestJson) {
    SnapshotManifest manifest;
    try {
      manifest = ManifestJson.read(manifestJson);
    } catch (IllegalArgumentException e) {
      throw new ReleaseException(
          "release " + seq + " (" + id + ") has no readable manifest: " + e.getMessage(), e);
    }
    if (!manifest.id().equals(id)) {
      throw new ReleaseException(
          "release "
              + seq
              + " ("
              + id
              + ") holds the manifest of "
              + manifest.id()
              + ": the release tables are damaged");
    }
    return manifest;
  }

  private static boolean isReleaseId(String id) {
    return id != null && id.matches("[A-Za-z0-9_-]{1,64}");
  }
}
