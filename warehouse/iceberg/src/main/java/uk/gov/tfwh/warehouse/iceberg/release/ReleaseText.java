package uk.gov.tfwh.warehouse.iceberg.release;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * One of a release row's two documents, the manifest or the load report, as JSON and as the text
 * its column holds. From the release tables' version 3 a row keeps each document gzipped and in
 * base64 after the prefix {@value #PACKED}; rows written before hold the JSON itself, and both read
 * the same.
 *
 * <p>Why packed: both documents list every landing file or every return, 3.1 MB together on the
 * seed-1 sample's 31 quarters, and each load inserted them into the catalog database on its
 * critical path, fsynced, in 26 to 93 ms against under 10 for a few hundred kilobytes. Packed they
 * are a quarter of that (the SHA-256 checksums do not compress), and the packing runs on the thread
 * that writes the JSON while the tables are sealed, so a long history no longer lengthens the
 * commit by its documents. The prefix keeps the column readable by hand: {@code base64 -d | gunzip}
 * after it gives the JSON (docs/runbooks.md).
 *
 * <p>Immutable; the JSON of a packed text is unpacked once, when first asked for.
 */
public final class ReleaseText {

  /** What a packed column's text starts with; JSON never does. */
  static final String PACKED = "gzip+base64:";

  private final String stored;
  private volatile String json;

  private ReleaseText(String stored, String json) {
    this.stored = stored;
    this.json = json;
  }

  /** This JSON, packed now: what a new release row keeps. */
  public static ReleaseText packing(String json) {
    requireNonNull(json, "json");
    return new ReleaseText(PACKED + Base64.getEncoder().encodeToString(gzip(json)), json);
  }

  /** A column's text as a release row holds it: packed, or, in a row of before version 3, JSON. */
  static ReleaseText stored(String columnText) {
    requireNonNull(columnText, "columnText");
    return new ReleaseText(columnText, columnText.startsWith(PACKED) ? null : columnText);
  }

  /** The text the column holds. */
  String stored() {
    return stored;
  }

  /** The document as JSON. */
  public String json() {
    String known = json;
    if (known == null) {
      known = gunzip(stored.substring(PACKED.length()));
      json = known;
    }
    return known;
  }

  private static byte[] gzip(String json) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(json.length() / 4 + 64);
    try (OutputStream out = new FastestGzip(bytes)) {
      out.write(json.getBytes(UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot pack a release's document", e);
    }
    return bytes.toByteArray();
  }

  private static String gunzip(String base64) {
    try (GZIPInputStream in =
        new GZIPInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(base64)))) {
      return new String(in.readAllBytes(), UTF_8);
    } catch (IOException | IllegalArgumentException e) {
      throw new ReleaseException(
          "a release's document is damaged: its text starts with '"
              + PACKED
              + "' and is not gzip in base64 after it ("
              + e.getMessage()
              + ")");
    }
  }

  /**
   * Gzip at the fastest level: on the seed-1 sample's 31 quarters the two documents packed to 628
   * KB in 30 ms, against 550 KB in 50 ms at the default level (their checksums do not compress).
   */
  private static final class FastestGzip extends GZIPOutputStream {
    FastestGzip(OutputStream out) throws IOException {
      super(out, 64 * 1024);
      def.setLevel(Deflater.BEST_SPEED);
    }
  }

  /** Texts are equal when their documents are, whichever way each is stored. */
  @Override
  public boolean equals(Object other) {
    return other instanceof ReleaseText text && json().equals(text.json());
  }

  @Override
  public int hashCode() {
    return json().hashCode();
  }

  @Override
  public String toString() {
    String shown = json();
    return shown.length() <= 80 ? shown : shown.substring(0, 77) + "...";
  }
}
