package uk.gov.tfwh.api.serving;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.NativeWebRequest;
import uk.gov.tfwh.api.access.Viewer;
import uk.gov.tfwh.api.config.ApiProperties;
import uk.gov.tfwh.warehouse.query.PinnedSnapshot;
import uk.gov.tfwh.warehouse.query.Release;
import uk.gov.tfwh.warehouse.query.SnapshotSelector;

/**
 * Serves a response read from one snapshot, with validators tied to it: the ETag is the snapshot id
 * plus a digest of what was asked (path, query, representation, viewer), so it changes exactly when
 * a new snapshot is loaded or published; a matching {@code If-None-Match} is answered 304 without
 * running any query. Published responses to the public may be cached by anyone for a short time;
 * anything a signed-in user sees is private and revalidated every time.
 */
@Component
public class SnapshotReads {
  private final SnapshotPointers pointers;
  private final CacheControl publicCaching;

  public SnapshotReads(SnapshotPointers pointers, ApiProperties properties) {
    this.pointers = pointers;
    this.publicCaching =
        CacheControl.maxAge(properties.publicMaxAge().toSeconds(), TimeUnit.SECONDS).cachePublic();
  }

  /** The snapshot a selector stands for now, and whether it has been published. */
  public PinnedSnapshot resolve(SnapshotSelector selector) {
    String id = pointers.resolve(selector);
    boolean published =
        selector.kind() == SnapshotSelector.Kind.PUBLISHED || pointers.isPublished(id);
    return PinnedSnapshot.of(id, published ? Release.PUBLISHED : Release.PRE_RELEASE, selector);
  }

  public <T> ResponseEntity<T> respond(
      NativeWebRequest request,
      Viewer viewer,
      SnapshotSelector selector,
      Function<PinnedSnapshot, T> body) {
    return respond(request, viewer, selector, java.util.List.of(), body);
  }

  /**
   * As {@link #respond(NativeWebRequest, Viewer, SnapshotSelector, Function)} for a response that
   * also reads other snapshots, resolved by the caller before it reads them (an authority's
   * profile: its own figures pre-release, the others' published): the validator names them too, so
   * it changes when any of them does.
   */
  public <T> ResponseEntity<T> respond(
      NativeWebRequest request,
      Viewer viewer,
      SnapshotSelector selector,
      java.util.List<PinnedSnapshot> alsoReads,
      Function<PinnedSnapshot, T> body) {
    PinnedSnapshot snapshot = resolve(selector);
    String etag = etag(request, viewer, snapshot, alsoReads);
    CacheControl caching =
        viewer.isAnonymous() && snapshot.release() == Release.PUBLISHED
            ? publicCaching
            : CacheControl.noCache().cachePrivate();
    HttpHeaders headers = new HttpHeaders();
    headers.setETag(etag);
    headers.setCacheControl(caching);
    // Accept-Encoding: the served-response cache answers repeats gzipped to clients that accept it.
    headers.setVary(
        java.util.List.of(
            HttpHeaders.ACCEPT, HttpHeaders.AUTHORIZATION, HttpHeaders.ACCEPT_ENCODING));
    headers.set("X-Tfwh-Snapshot", snapshot.id());
    if (matches(request.getHeader(HttpHeaders.IF_NONE_MATCH), etag)) {
      return new ResponseEntity<>(headers, HttpStatus.NOT_MODIFIED);
    }
    return new ResponseEntity<>(body.apply(snapshot), headers, HttpStatus.OK);
  }

  private static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    for (String candidate : ifNoneMatch.split(",")) {
      String tag = candidate.trim();
      if (tag.startsWith("W/")) {
        tag = tag.substring(2);
      }
      if (tag.equals("*") || tag.equals(etag) || tag.equals(GzipCoding.etag(etag))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The snapshot id, then a digest of the request, the viewer, whether the snapshot is published (a
   * file marked pre-release must not be revalidated once its snapshot is published: the marking
   * comes off) and any other snapshot the response reads.
   */
  private static String etag(
      NativeWebRequest request,
      Viewer viewer,
      PinnedSnapshot snapshot,
      java.util.List<PinnedSnapshot> also) {
    HttpServletRequest http = request.getNativeRequest(HttpServletRequest.class);
    String asked =
        http.getRequestURI()
            + '?'
            + Optional.ofNullable(http.getQueryString()).orElse("")
            + '\n'
            + Optional.ofNullable(http.getHeader(HttpHeaders.ACCEPT)).orElse("")
            + '\n'
            + viewer.role()
            + '/'
            + viewer.authority()
            + '\n'
            + snapshot.release()
            + also.stream()
                .map(s -> "\n" + s.id() + "/" + s.release())
                .collect(java.util.stream.Collectors.joining());
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(asked.getBytes(StandardCharsets.UTF_8));
      return '"' + snapshot.id() + '-' + HexFormat.of().formatHex(digest, 0, 8) + '"';
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
