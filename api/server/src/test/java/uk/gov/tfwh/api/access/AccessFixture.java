package uk.gov.tfwh.api.access;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import uk.gov.tfwh.api.user.ApiTokens;
import uk.gov.tfwh.api.user.ApiUser;
import uk.gov.tfwh.api.user.UsersFile;
import uk.gov.tfwh.warehouse.testing.IcebergFixture;
import uk.gov.tfwh.warehouse.testing.SnapshotFixture;

/**
 * What every access test serves, built once per JVM: a warehouse on the Iceberg store (the default
 * of {@code ./tfwh serve}) with a published release and a newer pre-release one (every
 * turned-around figure 1000 higher), written by {@link IcebergFixture}, a users file with one user
 * of each role plus a revoked one, and an RSA key standing in for an OpenID Connect provider.
 */
final class AccessFixture {
  static final String PUBLISHED = "20260101T000000000Z-published";
  static final String PRE_RELEASE = "20260102T000000000Z-prerelease";
  static final int PRE_RELEASE_BUMP = 1000;

  /** The OpenID Connect provider the access tests trust, and this service's client id there. */
  static final String JWT_ISSUER = "https://login.example.gov.uk/realms/tfwh";

  static final String JWT_AUDIENCE = "tfwh-api";

  /** The coordinator's own authority and another one. */
  static final String OWN = SnapshotFixture.KENT;

  static final String OTHER = SnapshotFixture.BRISTOL;

  static final Path DIR;
  static final Path WAREHOUSE;
  static final Path USERS;

  /** The submission service's landing folder (its records go beside it). */
  static final Path LANDING;

  static final Path JWT_PUBLIC_KEY;
  static final Map<String, String> TOKENS;
  private static final KeyPair JWT_KEYS;

  static {
    try {
      Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
      DIR = Files.createTempDirectory("tfwh-access");
      Runtime.getRuntime().addShutdownHook(new Thread(AccessFixture::deleteDir));
      WAREHOUSE = DIR.resolve("warehouse");
      Files.createDirectories(WAREHOUSE);
      try (IcebergFixture fixture = IcebergFixture.open(WAREHOUSE)) {
        fixture.commit(PUBLISHED, 0);
        fixture.publish(PUBLISHED);
        fixture.commit(PRE_RELEASE, PRE_RELEASE_BUMP);
      }

      LANDING = DIR.resolve("landing");
      USERS = DIR.resolve("users.tsv");
      UsersFile file = new UsersFile(USERS);
      List<ApiUser> users = new ArrayList<>();
      Map<String, String> tokens = new java.util.HashMap<>();
      for (Object[] user :
          new Object[][] {
            {"national", Role.NATIONAL, null},
            {"coordinator", Role.COORDINATOR, OWN},
            {"minister", Role.MINISTERIAL, null},
            {"sro", Role.COORDINATOR, OWN},
            {"other-sro", Role.COORDINATOR, OTHER},
            {"revoked", Role.NATIONAL, null}
          }) {
        String token = ApiTokens.newToken();
        tokens.put((String) user[0], token);
        users.add(
            new ApiUser(
                (String) user[0],
                (Role) user[1],
                (String) user[2],
                ApiTokens.hash(token),
                Instant.now(),
                ((String) user[0]).endsWith("sro")));
      }
      file.write(users);
      file.write(users.stream().filter(u -> !u.name().equals("revoked")).toList());
      TOKENS = Map.copyOf(tokens);

      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      JWT_KEYS = generator.generateKeyPair();
      JWT_PUBLIC_KEY = DIR.resolve("oidc-public.pem");
      Files.writeString(
          JWT_PUBLIC_KEY,
          "-----BEGIN PUBLIC KEY-----\n"
              + Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                  .encodeToString(JWT_KEYS.getPublic().getEncoded())
              + "\n-----END PUBLIC KEY-----\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private AccessFixture() {}

  private static void deleteDir() {
    try (var paths = Files.walk(DIR)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary folder left behind is harmless
    }
  }

  static String token(String user) {
    return TOKENS.get(user);
  }

  /**
   * The arguments of a service on a free port over {@code warehouse} with these users and this
   * OpenID Connect provider; a test adds its store and engine.
   */
  static List<String> serverArguments(Path warehouse) {
    return List.of(
        "--server.port=0",
        "--tfwh.api.warehouse=" + warehouse,
        "--tfwh.api.users=" + USERS,
        "--tfwh.submissions.landing=" + warehouse.resolve("landing"),
        "--spring.security.oauth2.resourceserver.jwt.public-key-location=file:" + JWT_PUBLIC_KEY,
        "--tfwh.api.oidc.issuer=" + JWT_ISSUER,
        "--tfwh.api.oidc.audience=" + JWT_AUDIENCE);
  }

  /** An access token as the OpenID Connect provider would sign it. */
  static String signedJwt(Map<String, Object> claims, KeyPair keys) {
    JWTClaimsSet.Builder set =
        new JWTClaimsSet.Builder()
            .subject("oidc-subject")
            .issuer(JWT_ISSUER)
            .audience(JWT_AUDIENCE)
            .issueTime(new Date())
            .expirationTime(Date.from(Instant.now().plusSeconds(300)));
    // A claim given as null is left out of the token (a test of a token without it).
    claims.forEach(set::claim);
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), set.build());
    try {
      jwt.sign(new RSASSASigner(keys.getPrivate()));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  static String signedJwt(Map<String, Object> claims) {
    return signedJwt(claims, JWT_KEYS);
  }
}
