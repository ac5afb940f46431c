package uk.gov.tfwh.returns.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Checks that a file is strict UTF-8 and finds the first bad byte. Done as a separate streaming
 * pass because a decoding {@link java.io.Reader} reports a malformed input without its position,
 * and the authority needs the position to find the character their system wrote wrongly.
 */
final class Utf8Validation {
  private static final int CHUNK = 64 * 1024;

  private Utf8Validation() {}

  /** The 0-based offset of the first byte that is not valid UTF-8, or empty when all are. */
  static OptionalLong firstInvalidByte(Path path) throws IOException {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.allocate(CHUNK);
    CharBuffer out = CharBuffer.allocate(CHUNK);
    long consumedBefore = 0;
    try (InputStream stream = Files.newInputStream(path)) {
      boolean end = false;
      while (!end) {
        int read = stream.read(in.array(), in.position(), in.remaining());
        if (read < 0) {
          end = true;
        } else {
          in.position(in.position() + read);
        }
        in.flip();
        CoderResult result = decoder.decode(in, out, end);
        if (result.isError()) {
          return OptionalLong.of(consumedBefore + in.position());
        }
        if (end) {
          out.clear();
          CoderResult flush = decoder.flush(out);
          if (flush.isError()) {
            return OptionalLong.of(consumedBefore + in.position());
          }
        }
        out.clear();
        consumedBefore += in.position();
        in.compact();
      }
    }
    return OptionalLong.empty();
  }

  /** The 1-based line holding the byte at {@code offset}. */
  static long lineOf(Path path, long offset) throws IOException {
    long line = 1;
    try (InputStream stream = Files.newInputStream(path)) {
      byte[] buffer = new byte[CHUNK];
      long position = 0;
      int read;
      while (position < offset && (read = stream.read(buffer)) > 0) {
        for (int i = 0; i < read && position < offset; i++, position++) {
          if (buffer[i] == '\n') {
            line++;
          }
        }
      }
    }
    return line;
  }
}
