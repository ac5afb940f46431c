package uk.gov.tfwh.etl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The generator's seed-1 returns at scale 0.05 with 2% faults, generated once per test JVM by a
 * real {@code GenerateCommand} process (the generator is deterministic, so every test reads the
 * same files) into a folder deleted when the JVM exits. Tests only read it: they copy what they
 * want into a landing folder of their own.
 */
public final class GeneratedReturns {
  private static Path folder;

  private GeneratedReturns() {}

  /** The folder of generated returns, generated on first use. */
  public static synchronized Path seed1() {
    if (folder == null) {
      folder = generate();
    }
    return folder;
  }

  /** Copies the generated files whose names match into {@code landing}. */
  public static void copy(Predicate<String> wanted, Path landing) {
    try (Stream<Path> files = Files.list(seed1())) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        if (wanted.test(name)) {
          Files.copy(file, landing.resolve(name));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path generate() {
    try {
      Path temp = Files.createTempDirectory("tfwh-generated");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(temp), "delete " + temp));
      Path out = temp.resolve("returns");
      Path log = temp.resolve("generate.log");
      Process generate =
          LoadProcess.java(
                  "uk.gov.tfwh.generator.GenerateCommand",
                  List.of("-Dtfwh.root.dir=" + TestLandings.root()),
                  List.of(
                      "--out",
                      out.toString(),
                      "--seed",
                      "1",
                      "--scale",
                      "0.05",
                      "--faults",
                      "0.02"),
                  log)
              .start();
      if (!generate.waitFor(5, TimeUnit.MINUTES)) {
        generate.destroyForcibly();
        throw new IllegalStateException("the generator took over 5 minutes");
      }
      if (generate.exitValue() != 0) {
        throw new IllegalStateException(
            "the generator exited with " + generate.exitValue() + ":\n" + Files.readString(log));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot generate returns", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while generating returns", e);
    }
  }

  private static void delete(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException | UncheckedIOException e) {
      System.err.println("cannot delete " + root + ": " + e.getMessage());
    }
  }
}
