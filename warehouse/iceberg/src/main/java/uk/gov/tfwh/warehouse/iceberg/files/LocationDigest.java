package uk.gov.tfwh.warehouse.iceberg.files;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The name a local cache gives what it keeps of a data file: the SHA-256 of the file's location, so
 * any location ({@code file:}, {@code s3://}, however long) maps to one safe file name. Iceberg
 * data files are immutable and uniquely named, so what is kept under it never goes stale.
 */
public final class LocationDigest {
  private LocationDigest() {}

  /** The SHA-256 of the location's UTF-8, in lower-case hex. */
  public static String of(String location) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(location.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
