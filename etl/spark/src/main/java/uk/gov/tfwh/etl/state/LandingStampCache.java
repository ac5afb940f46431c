package uk.gov.tfwh.etl.state;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import uk.gov.tfwh.returns.read.FileChecksums;

/**
 * The landing files' stamps of each {@code landing_file} data file, decoded once and kept on the
 * driver's disk, so the next load has them without a Parquet reader (docs/load-state.md, "The
 * driver's decoded caches"). The landing scan waits for them, and on a cold JVM Iceberg's generic
 * reader took 0.4 to 0.6 s to give them, most of it the reader's own start, before anything else of
 * the load could use the stamps. How entries are named, checked and replaced is {@link
 * DecodedFileCache}'s.
 */
public final class LandingStampCache {
  /**
   * The cache's folder inside the warehouse folder, beside the returns' ({@link ReturnReadCache}).
   */
  public static final String FOLDER = "cache/landing-stamps";

  /** Change whenever {@link FileChecksums.Stamp} gains, loses or reorders a field. */
  static final int VERSION = 1;

  private static final DecodedFileCache.Form<List<FileChecksums.Stamp>> FORM =
      new DecodedFileCache.Form<>() {
        @Override
        public byte[] magic() {
          return "TFWH-LSC".getBytes(StandardCharsets.US_ASCII);
        }

        @Override
        public int version() {
          return VERSION;
        }

        @Override
        public void write(DataOutputStream out, List<FileChecksums.Stamp> stamps)
            throws IOException {
          out.writeInt(stamps.size());
          for (FileChecksums.Stamp stamp : stamps) {
            ReturnReadBinary.text(out, stamp.name());
            out.writeLong(stamp.inode());
            out.writeLong(stamp.size());
            out.writeLong(stamp.modifiedNanos());
            out.writeLong(stamp.changedNanos());
            ReturnReadBinary.text(out, stamp.sha256());
          }
        }

        @Override
        public List<FileChecksums.Stamp> read(ByteBuffer in) {
          // Each stamp is at least two lengths and four longs.
          int count = ReturnReadBinary.count(in, 2 * Integer.BYTES + 4 * Long.BYTES);
          List<FileChecksums.Stamp> stamps = new ArrayList<>(count);
          for (int i = 0; i < count; i++) {
            stamps.add(
                new FileChecksums.Stamp(
                    ReturnReadBinary.text(in),
                    in.getLong(),
                    in.getLong(),
                    in.getLong(),
                    in.getLong(),
                    ReturnReadBinary.text(in)));
          }
          return List.copyOf(stamps);
        }
      };

  private final DecodedFileCache<List<FileChecksums.Stamp>> files;

  public LandingStampCache(Path dir) {
    this.files = new DecodedFileCache<>(dir, ".stamps", FORM);
  }

  /** The cache of a warehouse folder. */
  public static LandingStampCache in(Path warehouseDir) {
    return new LandingStampCache(warehouseDir.resolve(FOLDER));
  }

  /**
   * A data file's stamps as they were put, or empty when not cached or not usable (an unusable
   * entry is removed).
   */
  public Optional<List<FileChecksums.Stamp>> get(String location) {
    return files.get(location);
  }

  /**
   * Keeps a data file's stamps; a cache that cannot be written is no reason to fail a load.
   *
   * @return whether the entry was written
   */
  public boolean put(String location, List<FileChecksums.Stamp> stamps) {
    return files.put(location, List.copyOf(stamps));
  }

  /** Whether a data file's entry is there (not whether it is usable: {@link #get} says that). */
  public boolean has(String location) {
    return files.has(location);
  }

  /** Removes every entry but those of these data files, and what killed writers left. */
  public void keepOnly(Set<String> locations) {
    files.keepOnly(locations);
  }

  static byte[] encode(String location, List<FileChecksums.Stamp> stamps) throws IOException {
    return DecodedFileCache.encode(FORM, location, stamps);
  }

  static Optional<List<FileChecksums.Stamp>> decode(String location, byte[] bytes) {
    return DecodedFileCache.decode(FORM, location, bytes);
  }
}
