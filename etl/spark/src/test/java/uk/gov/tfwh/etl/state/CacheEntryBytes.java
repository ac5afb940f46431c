package uk.gov.tfwh.etl.state;

import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/** Edits of a {@link DecodedFileCache} entry's bytes, for the caches' tests. */
final class CacheEntryBytes {
  private CacheEntryBytes() {}

  /** The entry with its CRC-32 made right again, as a later build's entry would have it. */
  static byte[] withCrc(byte[] entry) {
    CRC32 crc = new CRC32();
    crc.update(entry, 0, entry.length - Long.BYTES);
    ByteBuffer.wrap(entry).putLong(entry.length - Long.BYTES, crc.getValue());
    return entry;
  }

  /** The entry with the form's version (the four bytes after the eight of its magic) moved on. */
  static byte[] ofAnotherVersion(byte[] entry) {
    byte[] other = entry.clone();
    ByteBuffer bytes = ByteBuffer.wrap(other);
    bytes.putInt(8, bytes.getInt(8) + 1);
    return withCrc(other);
  }
}
