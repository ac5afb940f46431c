package uk.gov.tfwh.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import uk.gov.tfwh.programme.reference.ReferenceData;
import uk.gov.tfwh.programme.reference.ReferenceDataLoader;
import uk.gov.tfwh.returns.model.ReturnOutcome;
import uk.gov.tfwh.returns.read.LandingFolder;
import uk.gov.tfwh.returns.read.LandingScan;
import uk.gov.tfwh.returns.read.ReadLimits;
import uk.gov.tfwh.returns.read.ReturnReader;

/**
 * Landing folders made by the real command ({@link GenerateCommand#run}), generated once per test
 * JVM under {@code target/generated-landings}, and read back by the real TFQR-1 reader.
 */
final class GeneratedLandings {
  private static final Map<String, Path> MADE = new HashMap<>();
  private static final Map<Path, Read> READ = new HashMap<>();

  /** What the real reader made of a landing folder. */
  record Read(LandingScan scan, List<ReturnOutcome> outcomes) {}

  private GeneratedLandings() {}

  static Path root() {
    return Path.of(System.getProperty("tfwh.root.dir", "../..")).toAbsolutePath().normalize();
  }

  static ReferenceData reference() {
    return ReferenceDataLoader.load(root().resolve("reference"));
  }

  /** The landing generated with these options (cached for the JVM). */
  static synchronized Path generated(long seed, String scale, String faults) {
    String key = "seed-" + seed + "-scale-" + scale + "-faults-" + faults;
    return MADE.computeIfAbsent(key, k -> generate(k, seed, scale, faults));
  }

  /** A fresh generation into its own folder (not cached). */
  static Path generate(String name, long seed, String scale, String faults) {
    Path dir = Path.of("target", "generated-landings", name).toAbsolutePath();
    deleteTree(dir);
    int exit =
        GenerateCommand.run(
            "--out",
            dir.toString(),
            "--seed",
            Long.toString(seed),
            "--scale",
            scale,
            "--faults",
            faults,
            "--reference",
            root().resolve("reference").toString());
    assertThat(exit).as("generate exit code").isZero();
    return dir;
  }

  /** Every return of the folder read and checked by the real reader (cached for the JVM). */
  static synchronized Read read(Path dir) {
    return READ.computeIfAbsent(
        dir,
        d -> {
          ReturnReader reader = new ReturnReader(reference(), ReadLimits.defaults());
          LandingScan scan = LandingFolder.scan(d);
          List<ReturnOutcome> outcomes =
              scan.returns().stream().map(source -> reader.read(d, source)).toList();
          return new Read(scan, outcomes);
        });
  }

  static JsonNode json(Path file) {
    try {
      return new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
