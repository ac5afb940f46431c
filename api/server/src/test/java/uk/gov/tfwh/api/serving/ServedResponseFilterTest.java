package uk.gov.tfwh.api.serving;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import uk.gov.tfwh.api.access.Role;
import uk.gov.tfwh.api.access.Viewer;
import uk.gov.tfwh.api.access.ViewerAuthentication;
import uk.gov.tfwh.warehouse.snapshot.SnapshotStore;

/**
 * The served-response cache answers a repeated request without the service behind it, and never
 * across a moved pointer, another viewer or representation, or for what is not a figures 200.
 */
class ServedResponseFilterTest {
  private static final String LEAGUE = "/api/v1/league-table";
  private static final java.util.Set<String> READ = java.util.Set.of("phase", "period");

  @TempDir Path warehouse;
  private ServedResponseFilter filter;
  private ServedResponseFilter signedInFilter;
  private int served;

  @BeforeEach
  void pointAtFirstSnapshot() throws IOException {
    point("PUBLISHED", "s1");
    point("CURRENT", "s2");
    SnapshotPointers pointers = new SnapshotPointers(new SnapshotStore(warehouse));
    filter =
        new ServedResponseFilter(
            pointers,
            ServedResponseFilter.Placement.PUBLIC_BEFORE_SECURITY,
            16,
            1 << 20,
            () -> READ);
    signedInFilter =
        new ServedResponseFilter(
            pointers,
            ServedResponseFilter.Placement.SIGNED_IN_AFTER_SECURITY,
            16,
            1 << 20,
            () -> READ);
  }

  @AfterEach
  void signOut() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void aRepeatedRequestIsAnsweredFromMemoryWithTheSameHeadersAndBody() throws Exception {
    MockHttpServletResponse first = get(LEAGUE, this::figuresOfPublished);
    MockHttpServletResponse second = get(LEAGUE, this::figuresOfPublished);

    assertThat(served).isEqualTo(1);
    assertThat(second.getStatus()).isEqualTo(200);
    assertThat(second.getContentAsString()).isEqualTo(first.getContentAsString()).contains("s1");
    assertThat(second.getContentType()).isEqualTo("application/json");
    assertThat(second.getHeader("ETag")).isEqualTo("\"s1-abc\"");
    assertThat(second.getHeader("X-Tfwh-Snapshot")).isEqualTo("s1");
    assertThat(second.getHeaders("Vary")).containsExactly("Accept", "Authorization");
    assertThat(second.getContentLength()).isEqualTo(first.getContentAsByteArray().length);
  }

  @Test
  void aPublishIsServedAtTheNextRequest() throws Exception {
    get(LEAGUE, this::figuresOfPublished);
    point("PUBLISHED", "s2");

    MockHttpServletResponse after = get(LEAGUE, this::figuresOfPublished);

    assertThat(served).isEqualTo(2);
    assertThat(after.getHeader("X-Tfwh-Snapshot")).isEqualTo("s2");
  }

  @Test
  void anotherViewerOrRepresentationIsNeverServedWhatWasKeptForOne() throws Exception {
    get(LEAGUE, this::figuresOfPublished);
    signedIn(Viewer.user("nat", Role.NATIONAL, null), "nat-token");
    signedIn(Viewer.user("nat", Role.NATIONAL, null), "nat-token");
    signedIn(Viewer.user("coord", Role.COORDINATOR, "E10000016"), "coord-token");
    SecurityContextHolder.clearContext();
    MockHttpServletRequest csv = new MockHttpServletRequest("GET", LEAGUE);
    csv.setQueryString("phase=2&period=2020Q1");
    csv.addHeader("Accept", "text/csv");
    filter.doFilter(csv, new MockHttpServletResponse(), this::figuresOfPublished);
    MockHttpServletRequest overTls = request(LEAGUE);
    overTls.setSecure(true);
    filter.doFilter(overTls, new MockHttpServletResponse(), this::figuresOfPublished);
    get(LEAGUE + "x", this::figuresOfPublished);

    // public json, national (once; its second request is a hit), coordinator, csv, TLS, other path
    assertThat(served).isEqualTo(6);
  }

  @Test
  void aParameterNoResourceReadsNeitherSplitsNorFillsTheCache() throws Exception {
    for (int i = 0; i < 100; i++) {
      filter.doFilter(
          request(LEAGUE, "2020Q1", "n" + i),
          new MockHttpServletResponse(),
          this::figuresOfPublished);
    }

    assertThat(served).isEqualTo(1);
  }

  @Test
  void aFullCacheMakesRoomForTheNewestInsteadOfRefusingIt() throws Exception {
    ServedResponseFilter small =
        new ServedResponseFilter(
            new SnapshotPointers(new SnapshotStore(warehouse)),
            ServedResponseFilter.Placement.PUBLIC_BEFORE_SECURITY,
            2,
            1 << 20,
            () -> READ);
    for (String period : java.util.List.of("2019Q2", "2019Q3", "2019Q4", "2019Q4")) {
      small.doFilter(
          request(LEAGUE, period, null), new MockHttpServletResponse(), this::figuresOfPublished);
    }
    assertThat(served).as("the newest was kept although the cache was full").isEqualTo(3);

    small.doFilter(
        request(LEAGUE, "2019Q2", null), new MockHttpServletResponse(), this::figuresOfPublished);
    assertThat(served).as("the oldest made room").isEqualTo(4);
  }

  @Test
  void eachPlacementLeavesTheOthersRequestsAlone() throws Exception {
    MockHttpServletRequest withToken = request(LEAGUE);
    withToken.addHeader("Authorization", "Bearer t");
    MockHttpServletRequest withCookie = request(LEAGUE);
    withCookie.addHeader("Cookie", "JSESSIONID=x");
    for (int i = 0; i < 2; i++) {
      filter.doFilter(withToken, new MockHttpServletResponse(), this::figuresOfPublished);
      filter.doFilter(withCookie, new MockHttpServletResponse(), this::figuresOfPublished);
      signedInFilter.doFilter(
          request(LEAGUE), new MockHttpServletResponse(), this::figuresOfPublished);
    }
    assertThat(served).isEqualTo(6);
  }

  @Test
  void identicalRequestsInProgressWaitForTheFirstInsteadOfAskingAgain() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    FilterChain slow =
        (request, response) -> {
          entered.countDown();
          try {
            release.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          figuresOfPublished(request, response);
        };
    CompletableFuture<MockHttpServletResponse> first =
        CompletableFuture.supplyAsync(() -> getUnchecked(slow));
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<MockHttpServletResponse> second =
        CompletableFuture.supplyAsync(() -> getUnchecked(slow));
    Thread.sleep(200);
    assertThat(second).isNotDone();
    release.countDown();

    assertThat(second.get(10, TimeUnit.SECONDS).getContentAsString())
        .isEqualTo(first.get(10, TimeUnit.SECONDS).getContentAsString())
        .contains("s1");
    assertThat(served).isEqualTo(1);
  }

  @Test
  void errorsConditionalRequestsExportsAndForeignSnapshotsAreNotKept() throws Exception {
    FilterChain notFound =
        (request, response) -> {
          served++;
          ((jakarta.servlet.http.HttpServletResponse) response).setStatus(404);
        };
    get(LEAGUE, notFound);
    get(LEAGUE, notFound);
    FilterChain oldSnapshot =
        (request, response) -> {
          served++;
          ((jakarta.servlet.http.HttpServletResponse) response).setHeader("X-Tfwh-Snapshot", "s0");
        };
    get("/api/v1/periods", oldSnapshot);
    get("/api/v1/periods", oldSnapshot);
    get("/api/v1/exports/briefing.pdf", this::figuresOfPublished);
    get("/api/v1/exports/briefing.pdf", this::figuresOfPublished);
    MockHttpServletRequest conditional = request(LEAGUE);
    conditional.addHeader("If-None-Match", "\"s1-abc\"");
    filter.doFilter(conditional, new MockHttpServletResponse(), this::figuresOfPublished);
    filter.doFilter(conditional, new MockHttpServletResponse(), this::figuresOfPublished);

    assertThat(served).isEqualTo(8);
  }

  private void figuresOfPublished(
      jakarta.servlet.ServletRequest request, jakarta.servlet.ServletResponse response)
      throws IOException {
    served++;
    var http = (jakarta.servlet.http.HttpServletResponse) response;
    String id = Files.readString(warehouse.resolve("PUBLISHED")).trim();
    http.setHeader("ETag", "\"" + id + "-abc\"");
    http.setHeader("X-Tfwh-Snapshot", id);
    http.addHeader("Vary", "Accept");
    http.addHeader("Vary", "Authorization");
    http.setContentType("application/json");
    http.getOutputStream()
        .write(("{\"snapshot\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8));
  }

  private MockHttpServletResponse getUnchecked(FilterChain chain) {
    try {
      return get(LEAGUE, chain);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private MockHttpServletResponse get(String path, FilterChain chain) throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(request(path), response, chain);
    return response;
  }

  private static MockHttpServletRequest request(String path) {
    return request(path, "2020Q1", null);
  }

  private static MockHttpServletRequest request(String path, String period, String junk) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
    request.setQueryString("phase=2&period=" + period + (junk == null ? "" : "&junk=" + junk));
    request.addParameter("phase", "2");
    request.addParameter("period", period);
    if (junk != null) {
      request.addParameter("junk", junk);
    }
    request.addHeader("Accept", "application/json");
    return request;
  }

  /** A request with a token, passed to the signed-in cache as Spring Security leaves it. */
  private void signedIn(Viewer viewer, String token) throws Exception {
    SecurityContextHolder.getContext().setAuthentication(new ViewerAuthentication(viewer));
    MockHttpServletRequest request = request(LEAGUE);
    request.addHeader("Authorization", "Bearer " + token);
    signedInFilter.doFilter(request, new MockHttpServletResponse(), this::figuresOfPublished);
  }

  /** Moves a pointer the way the warehouse does: a new file renamed over the old one. */
  private void point(String pointer, String id) throws IOException {
    Path temp = warehouse.resolve("." + pointer + ".tmp");
    Files.writeString(temp, id + "\n");
    Files.move(
        temp,
        warehouse.resolve(pointer),
        StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
  }
}
