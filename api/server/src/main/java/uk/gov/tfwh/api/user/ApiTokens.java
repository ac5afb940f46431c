package uk.gov.tfwh.api.user;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Bearer tokens: 256 random bits, shown once; only their SHA-256 is stored. A plain hash is enough
 * (no salt or slow hash) because the token is random and as long as the hash, so there is nothing
 * to guess from it. Hashes are compared in constant time.
 */
public final class ApiTokens {
  /** Marks tfwh tokens, so a leaked one is recognisable (secret scanners, logs). */
  public static final String PREFIX = "tfwh_";

  private static final SecureRandom RANDOM = new SecureRandom();

  private ApiTokens() {}

  public static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Lower-case hex SHA-256 of the token's UTF-8 bytes. */
  public static String hash(String token) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** Whether the token hashes to {@code storedHash}, in time independent of where they differ. */
  public static boolean matches(String token, String storedHash) {
    return sameHash(hash(token), storedHash);
  }

  /** Whether two hashes are equal, in time independent of where they differ. */
  public static boolean sameHash(String tokenHash, String storedHash) {
    return MessageDigest.isEqual(
        tokenHash.getBytes(StandardCharsets.US_ASCII),
        storedHash.getBytes(StandardCharsets.US_ASCII));
  }
}
