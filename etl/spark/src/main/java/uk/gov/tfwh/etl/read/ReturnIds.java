package uk.gov.tfwh.etl.read;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import uk.gov.tfwh.returns.model.ReturnSource;
import uk.gov.tfwh.returns.model.SourceFile;

/**
 * Ids derived from exact bytes: the same files always get the same id, so a reload finds the
 * versions it already holds, and a file changed in place becomes a new version.
 */
public final class ReturnIds {
  private static final int ID_HEX_CHARS = 32;

  private ReturnIds() {}

  /** A return version's id: a hash of its files' names and SHA-256 checksums. */
  public static String of(ReturnSource source) {
    return combinedSha256(source).substring(0, ID_HEX_CHARS);
  }

  /** One SHA-256 over a return's files: its format, and each file's name and checksum. */
  public static String combinedSha256(ReturnSource source) {
    StringBuilder text = new StringBuilder(source.format().name()).append('\n');
    for (SourceFile file : source.files()) {
      text.append(file.name()).append('\0').append(file.sha256()).append('\n');
    }
    return sha256(text.toString());
  }

  public static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
