package uk.gov.tfwh.warehouse.iceberg.catalog;

import static java.util.Objects.requireNonNull;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.exceptions.NotFoundException;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.io.FileInfo;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.io.OutputFile;
import org.apache.iceberg.io.PositionOutputStream;
import org.apache.iceberg.io.SeekableInputStream;
import org.apache.iceberg.io.SupportsPrefixOperations;

/**
 * Iceberg's file IO for a warehouse on the local file system, on {@code java.nio} and without
 * Hadoop (Iceberg has no local FileIO of its own, and its default needs {@code hadoop-common}).
 *
 * <p>Every file keeps the {@code file:} location it was given: Iceberg records {@link
 * InputFile#location()} in the table's metadata and the catalog, and Trino cannot read a table
 * whose metadata names bare paths. A bare absolute path is given the {@code file:} scheme. Other
 * schemes ({@code s3://}) are refused.
 *
 * <p>{@link OutputFile#create()} fails when the file exists (Iceberg relies on new metadata files
 * having new names), parents are created as needed, and deleting a missing file is not an error.
 */
public final class LocalFileIO implements FileIO, SupportsPrefixOperations {
  private static final long serialVersionUID = 1L;
  private static final String SCHEME = "file:";

  private Map<String, String> properties = Map.of();

  /** Iceberg instantiates a FileIO by class name ({@code io-impl}) and then initialises it. */
  public LocalFileIO() {}

  @Override
  public void initialize(Map<String, String> newProperties) {
    this.properties = Map.copyOf(newProperties);
  }

  @Override
  public Map<String, String> properties() {
    return properties;
  }

  @Override
  public InputFile newInputFile(String location) {
    return new LocalInputFile(uri(location));
  }

  @Override
  public OutputFile newOutputFile(String location) {
    return new LocalOutputFile(uri(location));
  }

  @Override
  public void deleteFile(String location) {
    try {
      Files.deleteIfExists(path(location));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + location, e);
    }
  }

  /**
   * The files under a folder (a prefix is a folder here, as in Hadoop's file IO), each named by the
   * prefix as given followed by its relative path; the prefix itself when it names a file; none
   * when it names nothing.
   */
  @Override
  public Iterable<FileInfo> listPrefix(String prefix) {
    Path root = path(prefix);
    String base = uri(prefix).replaceAll("/+$", "");
    if (Files.isRegularFile(root)) {
      return List.of(info(base, root));
    }
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> paths = Files.walk(root)) {
      List<FileInfo> files = new ArrayList<>();
      paths
          .filter(Files::isRegularFile)
          .sorted()
          .forEach(file -> files.add(info(base + "/" + relative(root, file), file)));
      return files;
    } catch (IOException | UncheckedIOException e) {
      throw new UncheckedIOException("cannot list " + prefix, unwrap(e));
    }
  }

  /** Deletes the files under a folder and the folder itself; nothing when it does not exist. */
  @Override
  public void deletePrefix(String prefix) {
    Path root = path(prefix);
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (DirectoryNotEmptyException e) {
      throw new UncheckedIOException("files were added under " + prefix + " while deleting it", e);
    } catch (IOException | UncheckedIOException e) {
      throw new UncheckedIOException("cannot delete " + prefix, unwrap(e));
    }
  }

  /** A location as this file IO records it: {@code file:} followed by an absolute path. */
  static String uri(String location) {
    requireNonNull(location, "location");
    return location.startsWith(SCHEME) ? checked(location) : SCHEME + absolute(location, location);
  }

  /**
   * The local path of a {@code file:} location ({@code file:/p}, {@code file:///p} or {@code
   * file://localhost/p}) or of an absolute path. Locations are not percent-decoded: Iceberg and
   * Hadoop write them unencoded.
   */
  public static Path path(String location) {
    requireNonNull(location, "location");
    if (!location.startsWith(SCHEME)) {
      return absolute(location, location);
    }
    String rest = location.substring(SCHEME.length());
    if (rest.startsWith("//")) {
      int slash = rest.indexOf('/', 2);
      String host = slash < 0 ? rest.substring(2) : rest.substring(2, slash);
      if (slash < 0 || !(host.isEmpty() || host.equals("localhost"))) {
        throw new IllegalArgumentException(
            "not a location on this machine: " + location + " (file:/absolute/path expected)");
      }
      rest = rest.substring(slash);
    }
    return absolute(rest, location);
  }

  private static String checked(String location) {
    path(location);
    return location;
  }

  private static Path absolute(String path, String location) {
    if (path.contains("://") || !path.startsWith("/")) {
      throw new IllegalArgumentException(
          "the local file IO reads and writes file:/absolute/path locations only, not " + location);
    }
    return Path.of(path);
  }

  private static String relative(Path root, Path file) {
    return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
  }

  private static FileInfo info(String location, Path file) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      return new FileInfo(location, attributes.size(), attributes.lastModifiedTime().toMillis());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the attributes of " + location, e);
    }
  }

  private static IOException unwrap(Exception e) {
    return e instanceof UncheckedIOException unchecked ? unchecked.getCause() : (IOException) e;
  }

  /** A file to read, named by its {@code file:} location. */
  private record LocalInputFile(String location) implements InputFile {

    @Override
    public long getLength() {
      try {
        return Files.size(path(location));
      } catch (NoSuchFileException e) {
        throw new NotFoundException(e, "no file at %s", location);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the length of " + location, e);
      }
    }

    @Override
    public SeekableInputStream newStream() {
      try {
        return new ChannelInputStream(FileChannel.open(path(location), StandardOpenOption.READ));
      } catch (NoSuchFileException e) {
        throw new NotFoundException(e, "no file at %s", location);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot open " + location, e);
      }
    }

    @Override
    public boolean exists() {
      return Files.exists(path(location));
    }
  }

  /** A file to write, named by its {@code file:} location. */
  private record LocalOutputFile(String location) implements OutputFile {

    @Override
    public PositionOutputStream create() {
      try {
        return open(StandardOpenOption.CREATE_NEW);
      } catch (FileAlreadyExistsException e) {
        throw new AlreadyExistsException(e, "a file already exists at %s", location);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + location, e);
      }
    }

    @Override
    public PositionOutputStream createOrOverwrite() {
      try {
        return open(StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + location, e);
      }
    }

    private PositionOutputStream open(StandardOpenOption... options) throws IOException {
      Path file = path(location);
      Files.createDirectories(file.getParent());
      Set<StandardOpenOption> all = new HashSet<>(List.of(options));
      all.add(StandardOpenOption.WRITE);
      return new ChannelOutputStream(FileChannel.open(file, all));
    }

    @Override
    public InputFile toInputFile() {
      return new LocalInputFile(location);
    }
  }

  /** Reads a file through its channel, whose position is the stream's. */
  private static final class ChannelInputStream extends SeekableInputStream {
    private final FileChannel channel;

    ChannelInputStream(FileChannel channel) {
      this.channel = channel;
    }

    @Override
    public long getPos() throws IOException {
      return channel.position();
    }

    @Override
    public void seek(long newPos) throws IOException {
      if (newPos < 0) {
        throw new IOException("cannot seek to a negative position: " + newPos);
      }
      channel.position(newPos);
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int read = read(one, 0, 1);
      return read < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
      if (length == 0) {
        return 0;
      }
      return channel.read(ByteBuffer.wrap(bytes, offset, length));
    }

    @Override
    public long skip(long n) throws IOException {
      long position = channel.position();
      long skipped = Math.max(0, Math.min(n, channel.size() - position));
      channel.position(position + skipped);
      return skipped;
    }

    @Override
    public int available() throws IOException {
      return (int) Math.min(Integer.MAX_VALUE, Math.max(0, channel.size() - channel.position()));
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }

  /**
   * Writes a file through a buffer and counts what it wrote (the position Iceberg asks for);
   * closing forces the file to disk, so a metadata file the catalog is about to name survives a
   * power cut.
   */
  private static final class ChannelOutputStream extends PositionOutputStream {
    private final FileChannel channel;
    private final OutputStream out;
    private long position;
    private boolean closed;

    ChannelOutputStream(FileChannel channel) {
      this.channel = channel;
      this.out = new BufferedOutputStream(Channels.newOutputStream(channel), 64 * 1024);
    }

    @Override
    public long getPos() {
      return position;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      position++;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      out.write(bytes, offset, length);
      position += length;
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      if (closed) {
        return;
      }
      closed = true;
      try (channel) {
        out.flush();
        channel.force(true);
      }
    }
  }
}
