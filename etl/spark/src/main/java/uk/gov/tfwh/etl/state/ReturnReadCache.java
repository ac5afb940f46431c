package uk.gov.tfwh.etl.state;

import static java.util.Objects.requireNonNull;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import uk.gov.tfwh.etl.read.ReadReturn;

/**
 * The returns of each {@code return_read} data file, decoded once and kept on the driver's disk in
 * {@link ReturnReadBinary}'s form, so the next load reads its thousands of known returns without a
 * Parquet reader or a JSON parser (docs/load-state.md, "The driver's decoded caches"). An entry
 * also holds the reference digest its returns were read against. How entries are named, checked and
 * replaced is {@link DecodedFileCache}'s.
 */
public final class ReturnReadCache {
  /** The cache's folder inside the warehouse folder, beside the engine's {@code cache}. */
  public static final String FOLDER = "cache/load-state";

  private static final DecodedFileCache.Form<Entry> FORM =
      new DecodedFileCache.Form<>() {
        @Override
        public byte[] magic() {
          return "TFWH-RRC".getBytes(StandardCharsets.US_ASCII);
        }

        @Override
        public int version() {
          return ReturnReadBinary.VERSION;
        }

        @Override
        public void write(DataOutputStream out, Entry entry) throws IOException {
          ReturnReadBinary.text(out, entry.referenceDigest());
          out.writeInt(entry.returns().size());
          for (ReadReturn read : entry.returns()) {
            ReturnReadBinary.write(out, read);
          }
        }

        @Override
        public Entry read(ByteBuffer in) {
          String referenceDigest = requireNonNull(ReturnReadBinary.text(in), "referenceDigest");
          int count = ReturnReadBinary.count(in, 1);
          List<ReadReturn> returns = new ArrayList<>(count);
          for (int i = 0; i < count; i++) {
            returns.add(ReturnReadBinary.read(in));
          }
          return new Entry(referenceDigest, returns);
        }
      };

  private final DecodedFileCache<Entry> files;

  public ReturnReadCache(Path dir) {
    this.files = new DecodedFileCache<>(dir, ".returns", FORM);
  }

  /** The cache of a warehouse folder. */
  public static ReturnReadCache in(Path warehouseDir) {
    return new ReturnReadCache(warehouseDir.resolve(FOLDER));
  }

  /**
   * A data file's returns as they were put, or empty when not cached or not usable (an unusable
   * entry is removed).
   */
  public Optional<Entry> get(String location) {
    return files.get(location);
  }

  /**
   * Keeps a data file's returns; a cache that cannot be written is no reason to fail a load.
   *
   * @return whether the entry was written
   */
  public boolean put(String location, String referenceDigest, List<ReadReturn> returns) {
    return files.put(location, new Entry(referenceDigest, returns));
  }

  /** Whether a data file's entry is there (not whether it is usable: {@link #get} says that). */
  public boolean has(String location) {
    return files.has(location);
  }

  /** Removes every entry but those of these data files, and what killed writers left. */
  public void keepOnly(Set<String> locations) {
    files.keepOnly(locations);
  }

  /** A data file's returns and the reference digest they were read against. */
  public record Entry(String referenceDigest, List<ReadReturn> returns) {
    public Entry {
      requireNonNull(referenceDigest, "referenceDigest");
      returns = List.copyOf(returns);
    }
  }

  static byte[] encode(String location, String referenceDigest, List<ReadReturn> returns)
      throws IOException {
    return DecodedFileCache.encode(FORM, location, new Entry(referenceDigest, returns));
  }

  static Optional<Entry> decode(String location, byte[] bytes) {
    return DecodedFileCache.decode(FORM, location, bytes);
  }
}
