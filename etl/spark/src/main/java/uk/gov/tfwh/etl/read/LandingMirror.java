package uk.gov.tfwh.etl.read;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The driver's copy of a landing on object storage, kept from one load to the next: a folder that
 * holds every object under the landing's prefix at its relative key, so the landing scan, its rules
 * and its findings are those of a landing folder, unchanged. An object is downloaded only when its
 * ETag or size differs from the copy's (the index beside the folder remembers them), and a copy
 * whose object is gone is deleted. The index remembers the version downloaded, from the GET's own
 * answer, not the one listed before it. A downloaded file is a new file (a new inode), so {@code
 * FileChecksums} hashes it again; a file kept keeps its remembered checksum.
 *
 * <p>Keys whose path has an empty, {@code .} or {@code ..} segment cannot be a file here and are
 * left out.
 */
public final class LandingMirror {
  private static final String FILES = "files";
  private static final String INDEX = "index.properties";

  private final ObjectLanding landing;
  private final Path root;

  /**
   * @param root a folder of the driver's own for this landing's copy (created when missing)
   */
  public LandingMirror(ObjectLanding landing, Path root) {
    this.landing = requireNonNull(landing, "landing");
    this.root = requireNonNull(root, "root").toAbsolutePath().normalize();
  }

  /** The folder the landing scan reads. */
  public Path folder() {
    return root.resolve(FILES);
  }

  /**
   * Brings the copy up to date with the objects now under the prefix.
   *
   * @return how many objects were downloaded
   * @throws ObjectLanding.LandingUnavailableException when the bucket cannot be listed
   */
  public int sync() {
    List<S3Object> objects = landing.objects();
    try {
      Path files = Files.createDirectories(folder());
      Properties index = readIndex();
      Properties kept = new Properties();
      Set<Path> listed = new HashSet<>();
      int downloaded = 0;
      for (S3Object object : objects) {
        String relative = object.key().substring(landing.listPrefix().length());
        boolean marker = relative.endsWith("/");
        String path = marker ? relative.substring(0, relative.length() - 1) : relative;
        if (!representable(path)) {
          continue;
        }
        Path target = files.resolve(path).normalize();
        if (!target.startsWith(files) || target.equals(files)) {
          continue;
        }
        listed.add(target);
        if (marker) {
          Files.createDirectories(target);
          continue;
        }
        String identity = identity(object.eTag(), object.size());
        if (!identity.equals(index.getProperty(path)) || !Files.isRegularFile(target)) {
          Files.createDirectories(target.getParent());
          GetObjectResponse copied;
          try {
            copied = landing.download(object.key(), target);
          } catch (IOException e) {
            continue; // gone since the listing: the next load sees it, or not
          }
          downloaded++;
          // The version copied, not the one listed: an object replaced in between and then put
          // back as listed would otherwise look unchanged, and the copy would keep bytes that no
          // executor can fetch any more (its return left for the next load at every load).
          identity = identity(copied.eTag(), copied.contentLength());
        }
        kept.setProperty(path, identity);
      }
      removeUnlisted(files, listed);
      writeIndex(kept);
      return downloaded;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot keep the copy of " + landing.address() + " in " + root, e);
    }
  }

  private static String identity(String eTag, Long size) {
    return eTag + " " + size;
  }

  private static boolean representable(String path) {
    if (path.isEmpty()) {
      return false;
    }
    for (String segment : path.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        return false;
      }
    }
    return true;
  }

  /** Deletes copies of objects that are gone, and folders that no listed key is under. */
  private static void removeUnlisted(Path files, Set<Path> listed) throws IOException {
    List<Path> all;
    try (Stream<Path> walk = Files.walk(files)) {
      all = walk.sorted(Comparator.reverseOrder()).toList();
    }
    for (Path path : all) {
      if (path.equals(files) || listed.contains(path)) {
        continue;
      }
      if (Files.isDirectory(path)) {
        try (Stream<Path> inside = Files.list(path)) {
          if (inside.findAny().isPresent()) {
            continue;
          }
        }
      }
      Files.delete(path);
    }
  }

  private Properties readIndex() throws IOException {
    Properties index = new Properties();
    Path file = root.resolve(INDEX);
    if (Files.isRegularFile(file)) {
      try (Reader in = Files.newBufferedReader(file)) {
        index.load(in);
      }
    }
    return index;
  }

  private void writeIndex(Properties index) throws IOException {
    Path partial = root.resolve(INDEX + ".partial");
    try (Writer out = Files.newBufferedWriter(partial)) {
      index.store(out, "objects of " + landing.address() + " copied here: key = ETag size");
    }
    Files.move(partial, root.resolve(INDEX), StandardCopyOption.REPLACE_EXISTING);
  }
}
