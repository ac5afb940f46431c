package uk.gov.tfwh.api.serving;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * The gzip content coding of figures responses: what a client's {@code Accept-Encoding} allows, the
 * compressed body, and the entity tag of the compressed representation. Browsers and HTTP libraries
 * ask for gzip; a league table's JSON shrinks about nine times, which is most of the cost of
 * serving it again. The served-response cache compresses a response once per snapshot, never per
 * request.
 */
final class GzipCoding {
  static final String NAME = "gzip";

  /** Below this a response is sent as it is: gzip's header and CPU are not worth it. */
  private static final int MIN_BYTES = 1024;

  private static final String ETAG_SUFFIX = "-gzip";

  private GzipCoding() {}

  /**
   * Whether an {@code Accept-Encoding} header admits gzip (RFC 9110 section 12.5.3): listed, or
   * covered by {@code *}, and not given {@code q=0}.
   */
  static boolean accepted(String acceptEncoding) {
    if (acceptEncoding == null) {
      return false;
    }
    Boolean wildcard = null;
    for (String element : acceptEncoding.split(",")) {
      String[] parts = element.split(";");
      String coding = parts[0].trim().toLowerCase(Locale.ROOT);
      boolean refused = false;
      for (int i = 1; i < parts.length; i++) {
        String parameter = parts[i].trim().toLowerCase(Locale.ROOT).replace(" ", "");
        if (parameter.startsWith("q=")) {
          refused = isZero(parameter.substring(2));
        }
      }
      if (coding.equals(NAME) || coding.equals("x-gzip")) {
        return !refused;
      }
      if (coding.equals("*")) {
        wildcard = !refused;
      }
    }
    return Boolean.TRUE.equals(wildcard);
  }

  private static boolean isZero(String qvalue) {
    try {
      return Double.parseDouble(qvalue) == 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** The body compressed, or null when it is too small or would not shrink. */
  static byte[] compress(byte[] body) {
    if (body.length < MIN_BYTES) {
      return null;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4);
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] compressed = out.toByteArray();
    return compressed.length < body.length ? compressed : null;
  }

  /**
   * The entity tag of the compressed representation: a strong tag must differ between codings of
   * the same resource (RFC 9110 section 8.8.3), so {@code "id"} becomes {@code "id-gzip"}.
   */
  static String etag(String identityEtag) {
    if (identityEtag.length() >= 2 && identityEtag.endsWith("\"")) {
      return identityEtag.substring(0, identityEtag.length() - 1) + ETAG_SUFFIX + '"';
    }
    return identityEtag;
  }
}
