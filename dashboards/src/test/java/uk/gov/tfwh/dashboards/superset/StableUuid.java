package uk.gov.tfwh.dashboards.superset;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * The bundle's UUIDs are name-based (RFC 4122 version 5, URL namespace) from a key such as {@code
 * urn:tfwh:superset:chart/league_table}, so anyone can re-derive them and they never change between
 * builds. Superset matches objects on re-import by UUID: a changed UUID would create a duplicate
 * instead of updating the object.
 */
public final class StableUuid {
  private static final UUID URL_NAMESPACE = UUID.fromString("6ba7b811-9dad-11d1-80b4-00c04fd430c8");

  private StableUuid() {}

  /** The UUID of a bundle object of a kind (database, dataset, chart, dashboard) and name. */
  public static UUID of(String kind, String name) {
    return version5(URL_NAMESPACE, "urn:tfwh:superset:" + kind + "/" + name);
  }

  static UUID version5(UUID namespace, String name) {
    ByteBuffer input = ByteBuffer.allocate(16 + name.getBytes(StandardCharsets.UTF_8).length);
    input.putLong(namespace.getMostSignificantBits()).putLong(namespace.getLeastSignificantBits());
    input.put(name.getBytes(StandardCharsets.UTF_8));
    byte[] hash;
    try {
      hash = MessageDigest.getInstance("SHA-1").digest(input.array());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-1", e);
    }
    hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
    hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
    ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
    return new UUID(bytes.getLong(), bytes.getLong());
  }
}
