package uk.gov.tfwh.api.serving;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import uk.gov.tfwh.api.access.Viewer;
import uk.gov.tfwh.api.access.Viewers;

/**
 * Serves a figures response again from {@link ServedResponses} while the snapshot pointers have not
 * moved, instead of routing, querying and serialising it anew. Two are registered ({@link
 * Placement}): requests without credentials are answered before Spring Security, and requests with
 * credentials after it, once the viewer is known and every refusal has happened. A response is kept
 * only when it is a 200 read from one of the snapshots the pointers named before and still name
 * after it was made ({@code X-Tfwh-Snapshot}); errors, conditional requests (answered 304 by {@link
 * SnapshotReads} without a query) and exports always go the whole way.
 */
public class ServedResponseFilter extends OncePerRequestFilter {
  /** Where in the filter chain a cache sits, and so which requests it answers. */
  public enum Placement {
    /**
     * Before Spring Security, for requests carrying no credentials (no {@code Authorization}, no
     * cookie): the public. What it keeps was answered 200 to the public by the whole chain,
     * security included, under the same pointers; for the same method, scheme, path, query and
     * {@code Accept} the whole chain answers the same again, so its headers (security ones too) and
     * body are kept and replayed as they were.
     */
    PUBLIC_BEFORE_SECURITY,
    /**
     * After Spring Security, for requests carrying credentials: keyed by the signed-in viewer,
     * keeping only the headers the service itself set (security adds its own again).
     */
    SIGNED_IN_AFTER_SECURITY
  }

  private static final String API = "/api/v1/";
  private static final String EXPORTS = "/api/v1/exports/";
  static final String SNAPSHOT_HEADER = "X-Tfwh-Snapshot";

  /** How long a request waits for an identical one in progress before answering it itself. */
  private static final long WAIT_SECONDS = 120;

  private record InFlight(SnapshotPointers.State state, ServedResponses.Key key) {}

  private final SnapshotPointers pointers;
  private final ServedResponses served;
  private final Map<InFlight, CompletableFuture<ServedResponses.Served>> inFlight =
      new ConcurrentHashMap<>();

  private final Placement placement;

  private final Supplier<Set<String>> readParameters;

  /**
   * @param readParameters the query parameters some resource reads: only they are part of what
   *     identifies a response, so a parameter nobody reads neither splits nor fills the cache
   */
  public ServedResponseFilter(
      SnapshotPointers pointers,
      Placement placement,
      int maxEntries,
      long maxBytes,
      Supplier<Set<String>> readParameters) {
    this.pointers = pointers;
    this.placement = placement;
    this.served = new ServedResponses(maxEntries, maxBytes);
    this.readParameters = readParameters;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !"GET".equals(request.getMethod())
        || !path.startsWith(API)
        || path.startsWith(EXPORTS)
        || request.getHeader(HttpHeaders.IF_NONE_MATCH) != null
        || carriesCredentials(request) != (placement == Placement.SIGNED_IN_AFTER_SECURITY);
  }

  /**
   * The parameters a resource reads, sorted by name: the query as far as any answer depends on it.
   */
  private String readQuery(HttpServletRequest request) {
    Set<String> read = readParameters.get();
    StringBuilder query = new StringBuilder();
    new java.util.TreeMap<>(request.getParameterMap())
        .forEach(
            (name, values) -> {
              if (read.contains(name)) {
                for (String value : values) {
                  query.append(name).append('=').append(value).append('\0');
                }
              }
            });
    return query.toString();
  }

  private static boolean carriesCredentials(HttpServletRequest request) {
    return request.getHeader(HttpHeaders.AUTHORIZATION) != null
        || request.getHeader(HttpHeaders.COOKIE) != null;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    SnapshotPointers.State before = pointers.state();
    ServedResponses.Key key =
        new ServedResponses.Key(
            placement == Placement.PUBLIC_BEFORE_SECURITY ? Viewer.ANONYMOUS : Viewers.current(),
            request.isSecure(),
            request.getRequestURI(),
            readQuery(request),
            request.getHeader(HttpHeaders.ACCEPT));
    ServedResponses.Served hit = served.get(before, key);
    if (hit != null) {
      replay(hit, request, response);
      return;
    }
    InFlight asked = new InFlight(before, key);
    CompletableFuture<ServedResponses.Served> mine = new CompletableFuture<>();
    CompletableFuture<ServedResponses.Served> first = inFlight.putIfAbsent(asked, mine);
    if (first != null) {
      ServedResponses.Served answer = await(first);
      if (answer != null) {
        replay(answer, request, response);
      } else {
        // The first was not kept (an error, say): this one is answered on its own.
        chain.doFilter(request, response);
      }
      return;
    }
    ServedResponses.Served kept = null;
    try {
      kept = answer(request, response, chain, before, key);
    } finally {
      inFlight.remove(asked, mine);
      mine.complete(kept);
    }
  }

  /** Answers through the service behind; returns the response when it was kept, else null. */
  private ServedResponses.Served answer(
      HttpServletRequest request,
      HttpServletResponse response,
      FilterChain chain,
      SnapshotPointers.State before,
      ServedResponses.Key key)
      throws ServletException, IOException {
    Set<String> headersBefore = new HashSet<>(response.getHeaderNames());
    ContentCachingResponseWrapper capturing = new ContentCachingResponseWrapper(response);
    try {
      chain.doFilter(request, capturing);
      String snapshot = capturing.getHeader(SNAPSHOT_HEADER);
      if (capturing.getStatus() == HttpStatus.OK.value()
          && before.names(snapshot)
          && before.equals(pointers.state())) {
        ServedResponses.Served kept = capture(capturing, headersBefore);
        served.put(before, key, kept);
        return kept;
      }
      return null;
    } finally {
      capturing.copyBodyToResponse();
    }
  }

  private static ServedResponses.Served await(CompletableFuture<ServedResponses.Served> first) {
    try {
      return first.get(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (ExecutionException | TimeoutException e) {
      return null;
    }
  }

  private static ServedResponses.Served capture(
      ContentCachingResponseWrapper response, Set<String> headersBefore) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name : response.getHeaderNames()) {
      if (!headersBefore.contains(name)
          && !HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)
          && !HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) {
        headers.put(name, new ArrayList<>(response.getHeaders(name)));
      }
    }
    return ServedResponses.Served.of(
        response.getContentType(), headers, response.getContentAsByteArray());
  }

  /** Replays a kept response, gzipped when the client accepts it and it was worth compressing. */
  private static void replay(
      ServedResponses.Served hit, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    boolean gzip =
        hit.gzipped() != null
            && GzipCoding.accepted(request.getHeader(HttpHeaders.ACCEPT_ENCODING));
    response.setStatus(HttpStatus.OK.value());
    hit.headers()
        .forEach(
            (name, values) -> {
              boolean etag = HttpHeaders.ETAG.equalsIgnoreCase(name);
              for (String value : values) {
                response.addHeader(name, gzip && etag ? GzipCoding.etag(value) : value);
              }
            });
    if (hit.contentType() != null) {
      response.setContentType(hit.contentType());
    }
    byte[] body = gzip ? hit.gzipped() : hit.body();
    if (gzip) {
      response.setHeader(HttpHeaders.CONTENT_ENCODING, GzipCoding.NAME);
    }
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
