package uk.gov.tfwh.etl.table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Puts the files of an earlier snapshot's folder into a staged snapshot without rewriting them.
 * Snapshot files are immutable, so a hard link is as good as a copy and costs nothing; and unlike a
 * reference to the earlier snapshot it survives that snapshot's removal by retention. Where the
 * file system cannot link (another device, no support), the file is copied.
 */
public final class LinkedFiles {
  private LinkedFiles() {}

  /** Links (or copies) every file directly in {@code from} into {@code to}, creating it. */
  public static void linkAll(Path from, Path to) {
    try {
      Files.createDirectories(to);
      try (var files = Files.list(from)) {
        for (Path file : files.toList()) {
          linkOrCopy(file, to.resolve(file.getFileName()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot carry the files of " + from + " over to " + to, e);
    }
  }

  /** Links (or copies) one file to {@code target}, creating its folder. */
  public static void link(Path file, Path target) {
    try {
      Files.createDirectories(target.getParent());
      linkOrCopy(file, target);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot carry " + file + " over to " + target, e);
    }
  }

  private static void linkOrCopy(Path file, Path target) throws IOException {
    try {
      Files.createLink(target, file);
    } catch (UnsupportedOperationException | IOException e) {
      Files.copy(file, target);
    }
  }
}
