package uk.gov.tfwh.programme.reference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

/** The project's reference set, and copies of it with one file changed, for tests. */
final class ReferenceSets {
  private ReferenceSets() {}

  /** The reference folder of the repository (surefire sets {@code tfwh.root.dir}). */
  static Path projectSet() {
    String root = System.getProperty("tfwh.root.dir");
    Path start = root != null ? Path.of(root) : Path.of("").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("reference");
      if (Files.isRegularFile(candidate.resolve(ReferenceDataLoader.SET_FILE))) {
        return candidate;
      }
    }
    throw new IllegalStateException("no reference set found above " + start);
  }

  /** Copies the project's set into {@code dir}, rewriting the lines of {@code file}. */
  static Path copyWith(Path dir, String file, UnaryOperator<List<String>> change) {
    try {
      for (String name :
          List.of(
              ReferenceDataLoader.SET_FILE,
              ReferenceDataLoader.AUTHORITIES_FILE,
              ReferenceDataLoader.TARGETS_FILE)) {
        List<String> lines = Files.readAllLines(projectSet().resolve(name));
        Files.write(dir.resolve(name), name.equals(file) ? change.apply(lines) : lines);
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
