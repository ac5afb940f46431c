package uk.gov.tfwh.returns.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import uk.gov.tfwh.programme.reference.ReferenceData;
import uk.gov.tfwh.programme.reference.ReferenceDataLoader;
import uk.gov.tfwh.returns.Fixtures;

/**
 * The project's reference set with the optional email_domains column added to authorities.csv,
 * Kent's filled in: a newer reference file, loaded without a code change.
 */
final class ReferenceSetWithDomains {
  private ReferenceSetWithDomains() {}

  static ReferenceData kentAt(Path dir, String domains) {
    Path reference = Fixtures.root().resolve("reference");
    try {
      Files.createDirectories(dir);
      try (Stream<Path> files = Files.list(reference)) {
        for (Path file : files.toList()) {
          Files.copy(file, dir.resolve(file.getFileName()));
        }
      }
      List<String> lines =
          Files.readAllLines(dir.resolve("authorities.csv"), StandardCharsets.UTF_8);
      List<String> withDomains = new ArrayList<>();
      withDomains.add(lines.get(0) + ",email_domains");
      for (String line : lines.subList(1, lines.size())) {
        withDomains.add(line + "," + (line.startsWith("E10000016,") ? domains : ""));
      }
      Files.write(dir.resolve("authorities.csv"), withDomains, StandardCharsets.UTF_8);
      return ReferenceDataLoader.load(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
