package uk.gov.tfwh.api.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;
import uk.gov.tfwh.api.access.AccessPolicy;
import uk.gov.tfwh.api.access.Role;
import uk.gov.tfwh.api.access.Viewer;
import uk.gov.tfwh.api.authority.Authorities;
import uk.gov.tfwh.api.config.ApiProperties;
import uk.gov.tfwh.api.serving.SnapshotPointers;
import uk.gov.tfwh.api.serving.SnapshotReads;
import uk.gov.tfwh.exports.ExportFormat;
import uk.gov.tfwh.exports.Exports;
import uk.gov.tfwh.exports.TableRequest;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;
import uk.gov.tfwh.warehouse.query.QueryEngineConfig;
import uk.gov.tfwh.warehouse.query.QueryEngineConfig.Engine;
import uk.gov.tfwh.warehouse.query.SnapshotSelector;
import uk.gov.tfwh.warehouse.query.embedded.EmbeddedQueries;
import uk.gov.tfwh.warehouse.snapshot.SnapshotStore;
import uk.gov.tfwh.warehouse.testing.SnapshotFixture;

/**
 * An export is read from the snapshot its ETag and {@code X-Tfwh-Snapshot} name, even when a
 * publish lands between the two (issue 17, finding 2: the export used to resolve "published" a
 * second time and could read the newly published snapshot under the old one's headers).
 */
class ExportPinningTest {
  private static final String FIRST = "20260101T000000000Z-first";
  private static final String SECOND = "20260102T000000000Z-second";

  @TempDir Path dir;

  /** Pointers that publish SECOND right after they have told the request which one to read. */
  private static final class PublishedMidRequest extends SnapshotPointers {
    private final SnapshotStore store;
    private boolean published;

    PublishedMidRequest(SnapshotStore store) {
      super(store);
      this.store = store;
    }

    @Override
    public String resolve(SnapshotSelector selector) {
      String id = super.resolve(selector);
      if (!published) {
        published = true;
        store.publish(SECOND);
      }
      return id;
    }
  }

  @Test
  void aPublishBetweenResolvingAndReadingDoesNotChangeTheFileUnderItsHeaders() {
    SnapshotStore store = new SnapshotStore(dir.resolve("warehouse"));
    SnapshotFixture.commit(store, FIRST, 0);
    store.publish(FIRST);
    SnapshotFixture.commit(store, SECOND, 1000);
    try (EmbeddedQueries queries = new EmbeddedQueries(store, QueryEngineConfig.defaults())) {
      Exports exports = exports(queries, store);
      ExportController controller =
          controller(queries, exports, store, new PublishedMidRequest(store));
      MockHttpServletRequest http =
          new MockHttpServletRequest("GET", "/api/v1/exports/league-table.csv");
      http.setQueryString("phase=1&period=2013Q3");

      ResponseEntity<byte[]> response =
          controller.table(
              "league-table",
              "csv",
              1,
              "2013Q3",
              null,
              new ServletWebRequest(http),
              Viewer.ANONYMOUS);

      assertThat(store.publishedId()).as("the publish did land mid-request").contains(SECOND);
      assertThat(response.getHeaders().getFirst("X-Tfwh-Snapshot")).isEqualTo(FIRST);
      assertThat(response.getHeaders().getContentDisposition().getFilename()).contains(FIRST);
      byte[] first =
          exports
              .table(
                  TableRequest.leagueTable(Phase.ONE, Quarter.of(2013, 3)),
                  ExportFormat.CSV,
                  SnapshotSelector.byId(FIRST))
              .content();
      assertThat(new String(response.getBody(), StandardCharsets.UTF_8))
          .isEqualTo(new String(first, StandardCharsets.UTF_8));
    }
  }

  /**
   * A coordinator's profile reads its own authority from the latest snapshot and the others from
   * the published one: when a publish changes the published snapshot (and publishes its own), the
   * validator changes, so a client holding the old file is not told it is still current.
   */
  @Test
  void aProfilesValidatorChangesWhenEitherSnapshotItReadsChanges() {
    SnapshotStore store = new SnapshotStore(dir.resolve("warehouse"));
    SnapshotFixture.commit(store, FIRST, 0);
    store.publish(FIRST);
    SnapshotFixture.commit(store, SECOND, 1000);
    try (EmbeddedQueries queries = new EmbeddedQueries(store, QueryEngineConfig.defaults())) {
      ExportController controller =
          controller(queries, exports(queries, store), store, new SnapshotPointers(store));
      Viewer coordinator = Viewer.user("coord", Role.COORDINATOR, SnapshotFixture.BIRMINGHAM);

      String before = profileEtag(controller, coordinator);
      assertThat(profileEtag(controller, coordinator)).as("the same question").isEqualTo(before);
      store.publish(SECOND);
      String after = profileEtag(controller, coordinator);

      assertThat(before).startsWith("\"" + SECOND);
      assertThat(after).startsWith("\"" + SECOND).isNotEqualTo(before);
    }
  }

  private static Exports exports(EmbeddedQueries queries, SnapshotStore store) {
    return new Exports(
        queries, store, Clock.fixed(Instant.parse("2026-12-05T12:00:00Z"), ZoneOffset.UTC));
  }

  /** The controller as the service wires it, over these pointers. */
  private static ExportController controller(
      EmbeddedQueries queries, Exports exports, SnapshotStore store, SnapshotPointers pointers) {
    ApiProperties properties =
        new ApiProperties(
            store.root(),
            Engine.EMBEDDED,
            "jdbc:trino://127.0.0.1:8090",
            null,
            Duration.ofSeconds(60),
            new ApiProperties.Oidc(
                "tfwh_role", "tfwh_authority", "preferred_username", "tfwh_sro", null, null));
    return new ExportController(
        exports,
        new SnapshotReads(pointers, properties),
        new AccessPolicy(),
        new Authorities(queries));
  }

  private static String profileEtag(ExportController controller, Viewer viewer) {
    MockHttpServletRequest http =
        new MockHttpServletRequest("GET", "/api/v1/exports/authority-profile.pdf");
    http.setQueryString("code=" + SnapshotFixture.BIRMINGHAM + "&phase=1&period=2013Q3");
    ResponseEntity<byte[]> response =
        controller.authorityProfile(
            SnapshotFixture.BIRMINGHAM, 1, "2013Q3", new ServletWebRequest(http), viewer);
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    return response.getHeaders().getETag();
  }
}
