package uk.gov.tfwh.api.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

/** ETag and Cache-Control are tied to the snapshot a response was read from. */
class CachingEndToEndTest extends ApiEndToEndTest {
  private static final String LEAGUE = "/api/v1/league-table?phase=1&period=2013Q3";

  @Test
  void aMatchingIfNoneMatchIsAnswered304WithoutABody() {
    HttpResponse<String> first = get(LEAGUE);
    String etag = first.headers().firstValue("ETag").orElseThrow();
    assertThat(etag).contains(FixtureWarehouse.PUBLISHED);
    assertThat(first.headers().firstValue("X-Tfwh-Snapshot")).hasValue(FixtureWarehouse.PUBLISHED);

    HttpResponse<String> again = get(LEAGUE, "If-None-Match", etag);
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
    assertThat(again.headers().firstValue("ETag")).hasValue(etag);

    assertThat(get(LEAGUE, "If-None-Match", "\"something-else\"").statusCode()).isEqualTo(200);
  }

  @Test
  void theEtagDiffersByRepresentationAndBySnapshot() {
    String json = get(LEAGUE).headers().firstValue("ETag").orElseThrow();
    String csv = get(LEAGUE, "Accept", "text/csv").headers().firstValue("ETag").orElseThrow();
    String preRelease =
        get(LEAGUE, bearer(FixtureWarehouse.NATIONAL_TOKEN))
            .headers()
            .firstValue("ETag")
            .orElseThrow();
    assertThat(json).isNotEqualTo(csv);
    assertThat(preRelease).contains(FixtureWarehouse.PRE_RELEASE).isNotEqualTo(json);
  }

  @Test
  void publishedFiguresArePubliclyCacheableAndSignedInOnesArePrivate() {
    assertThat(get(LEAGUE).headers().firstValue("Cache-Control"))
        .get()
        .asString()
        .contains("public")
        .contains("max-age=60");
    assertThat(
            get(LEAGUE, bearer(FixtureWarehouse.NATIONAL_TOKEN))
                .headers()
                .firstValue("Cache-Control"))
        .get()
        .asString()
        .contains("private")
        .contains("no-cache");
  }

  @Test
  void aRepeatIsSentGzippedToAClientThatAcceptsItWithItsOwnEtag() throws IOException {
    HttpResponse<byte[]> identity = getBytes(LEAGUE);
    HttpResponse<byte[]> gzipped = getBytes(LEAGUE, "Accept-Encoding", "gzip, deflate, br");
    assertThat(identity.body().length).as("big enough to be worth compressing").isGreaterThan(1024);

    assertThat(gzipped.statusCode()).isEqualTo(200);
    assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(gzipped.headers().allValues("Vary").toString()).contains("Accept-Encoding");
    assertThat(gzipped.body().length).isLessThan(identity.body().length / 2);
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
      assertThat(in.readAllBytes()).isEqualTo(identity.body());
    }
    String identityEtag = identity.headers().firstValue("ETag").orElseThrow();
    String gzipEtag = gzipped.headers().firstValue("ETag").orElseThrow();
    assertThat(gzipEtag)
        .isEqualTo(identityEtag.substring(0, identityEtag.length() - 1) + "-gzip\"");

    assertThat(get(LEAGUE, "If-None-Match", gzipEtag).statusCode()).isEqualTo(304);
    HttpResponse<byte[]> refused = getBytes(LEAGUE, "Accept-Encoding", "gzip;q=0, identity");
    assertThat(refused.headers().firstValue("Content-Encoding")).isEmpty();
    assertThat(refused.body()).isEqualTo(identity.body());
  }

  @Autowired ServletWebServerApplicationContext context;

  @Test
  void aLeagueTableGoesToTheSocketInOneWrite() {
    TomcatWebServer server = (TomcatWebServer) context.getWebServer();
    // What Tomcat's socket properties hold (8192 unless set).
    assertThat(
            String.valueOf(server.getTomcat().getConnector().getProperty("socket.appWriteBufSize")))
        .isEqualTo("65536");
  }

  @Test
  void aKeptAnswerIsServedAgainOnlyForTheSameQuestion() {
    for (int i = 0; i < 2; i++) {
      String all = get("/api/v1/payments?phase=1").body();
      String kent = get("/api/v1/payments?phase=1&authority=E10000016").body();
      String regionOnly = get(LEAGUE + "&region=South%20West").body();
      String everyRegion = get(LEAGUE).body();

      assertThat(kent).as("another authority is another question").isNotEqualTo(all);
      assertThat(regionOnly).isNotEqualTo(everyRegion);
      assertThat(get(LEAGUE + "&ignored=" + i).body())
          .as("a parameter no resource reads changes nothing")
          .isEqualTo(everyRegion);
    }
  }
}
