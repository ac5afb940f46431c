package uk.gov.tfwh.warehouse.iceberg.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** What an operator might do to a warehouse folder with the file system's own tools. */
public final class WarehouseFolders {
  private WarehouseFolders() {}

  /** Copies a folder and everything in it, as {@code cp -r} does; returns the copy. */
  public static Path copy(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path path : walk.toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    }
    return to;
  }
}
