package uk.gov.tfwh.api.config;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import uk.gov.tfwh.warehouse.query.QueryEngineConfig;
import uk.gov.tfwh.warehouse.query.QueryEngineConfig.Engine;

/**
 * The API's own settings ({@code tfwh.api.*}); {@code ./tfwh serve} sets them from its options.
 *
 * @param warehouse the warehouse root whose snapshots are served
 * @param engine embedded (DuckDB in-process) or trino
 * @param trinoUrl the Trino coordinator when the engine is trino
 * @param users the users file written by {@code ./tfwh users}; without one only anonymous and
 *     OpenID Connect users exist
 * @param publicMaxAge how long shared caches may keep a published response; pre-release responses
 *     are private and always revalidated
 * @param oidc how OpenID Connect tokens map to roles
 */
@ConfigurationProperties("tfwh.api")
public record ApiProperties(
    Path warehouse,
    @DefaultValue("embedded") Engine engine,
    @DefaultValue("jdbc:trino://127.0.0.1:8090") String trinoUrl,
    Path users,
    @DefaultValue("60s") Duration publicMaxAge,
    @DefaultValue Oidc oidc) {

  public ApiProperties {
    requireNonNull(warehouse, "tfwh.api.warehouse (the warehouse directory) must be set");
    requireNonNull(engine, "engine");
    requireNonNull(trinoUrl, "trinoUrl");
    requireNonNull(publicMaxAge, "publicMaxAge");
    requireNonNull(oidc, "oidc");
  }

  /**
   * Claims of an OpenID Connect access token that carry the tfwh role and authority. The token
   * itself is checked by Spring's JWT resource server ({@code
   * spring.security.oauth2.resourceserver.jwt.*}), see docs/api.md.
   *
   * @param roleClaim NATIONAL, COORDINATOR or MINISTERIAL
   * @param authorityClaim the coordinator's authority code
   * @param nameClaim the user's name for logs and audit
   * @param sroClaim true for a coordinator who is their authority's senior responsible officer
   *     (signs off its returns)
   * @param issuer the {@code iss} every token must carry (required once OpenID Connect is on)
   * @param audience an {@code aud} every token must carry: this service's client id (required once
   *     OpenID Connect is on)
   */
  public record Oidc(
      @DefaultValue("tfwh_role") String roleClaim,
      @DefaultValue("tfwh_authority") String authorityClaim,
      @DefaultValue("preferred_username") String nameClaim,
      @DefaultValue("tfwh_sro") String sroClaim,
      String issuer,
      String audience) {
    public Oidc {
      requireNonNull(roleClaim, "roleClaim");
      requireNonNull(authorityClaim, "authorityClaim");
      requireNonNull(nameClaim, "nameClaim");
      requireNonNull(sroClaim, "sroClaim");
    }
  }

  /** The query layer's configuration for this engine. */
  public QueryEngineConfig queryEngineConfig() {
    QueryEngineConfig defaults = QueryEngineConfig.defaults();
    return engine == Engine.TRINO ? defaults.withTrino(trinoUrl) : defaults.withEngine(engine);
  }
}
