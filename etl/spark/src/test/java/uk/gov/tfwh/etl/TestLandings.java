package uk.gov.tfwh.etl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Landing folders for tests, built from the contract's examples. */
public final class TestLandings {
  private TestLandings() {}

  public static Path root() {
    return Path.of(System.getProperty("tfwh.root.dir", "../.."));
  }

  public static Path examples() {
    return root().resolve("contract/examples");
  }

  public static Path reference() {
    return root().resolve("reference");
  }

  /** Copies the example files whose names start with one of the prefixes (all when none). */
  public static Path copyExamples(Path target, String... prefixes) {
    try {
      Files.createDirectories(target);
      try (Stream<Path> files = Files.list(examples())) {
        for (Path file : files.toList()) {
          String name = file.getFileName().toString();
          if (name.equals("EXPECTED.md")) {
            continue;
          }
          boolean wanted = prefixes.length == 0;
          for (String prefix : prefixes) {
            wanted |= name.startsWith(prefix);
          }
          if (wanted) {
            Files.copy(file, target.resolve(name));
          }
        }
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes a file, creating its folder. */
  public static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
