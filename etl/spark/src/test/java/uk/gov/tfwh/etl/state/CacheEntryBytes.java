package uk.gov.tfwh.etl.state;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;

/** Edits of a {@link DecodedFileCache} entry's bytes, for the caches' tests. */
final class CacheEntryBytes {
  private CacheEntryBytes() {}

  /**
   * Every kind of damage a cache must take as a miss, by what was done to a good entry: emptied,
   * truncated, bytes changed all along it, a byte more, and its form's version moved on with a
   * right CRC (what a later build's entry looks like to this one).
   */
  static Map<String, byte[]> damagedCopies(byte[] good) {
    Map<String, byte[]> damaged = new LinkedHashMap<>();
    damaged.put("empty", new byte[0]);
    for (int length : new int[] {7, 8, 20, good.length / 2, good.length - 1}) {
      damaged.put("truncated to " + length, Arrays.copyOf(good, length));
    }
    for (int at = 0; at < good.length; at += Math.max(1, good.length / 97)) {
      byte[] changed = good.clone();
      changed[at] ^= 0x20;
      damaged.put("byte " + at + " changed", changed);
    }
    damaged.put("a byte more", Arrays.copyOf(good, good.length + 1));
    damaged.put("another version", ofAnotherVersion(good));
    return damaged;
  }

  /** The entry with its CRC-32 made right again, as a later build's entry would have it. */
  static byte[] withCrc(byte[] entry) {
    CRC32 crc = new CRC32();
    crc.update(entry, 0, entry.length - Long.BYTES);
    ByteBuffer.wrap(entry).putLong(entry.length - Long.BYTES, crc.getValue());
    return entry;
  }

  /** The entry with the form's version (the four bytes after the eight of its magic) moved on. */
  private static byte[] ofAnotherVersion(byte[] entry) {
    byte[] other = entry.clone();
    ByteBuffer bytes = ByteBuffer.wrap(other);
    bytes.putInt(8, bytes.getInt(8) + 1);
    return withCrc(other);
  }
}
