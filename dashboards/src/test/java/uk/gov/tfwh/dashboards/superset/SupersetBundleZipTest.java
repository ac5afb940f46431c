package uk.gov.tfwh.dashboards.superset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ZIP the build makes (run at {@code package}, after the assembly): what {@code superset
 * import-dashboards -p} and the UI import read. Superset drops the first path component of every
 * entry and reads only {@code .yaml} files, so the sources must sit unchanged under one folder.
 */
class SupersetBundleZipTest {
  private final Path zip = Path.of(System.getProperty("tfwh.dashboards.bundle.zip"));
  private final Path sources = SupersetBundle.sourceFolder();

  @Test
  void theZipHoldsExactlyTheYamlSourcesUnderOneTopLevelFolder() throws IOException {
    List<String> entries = fileEntries();
    Set<String> roots = new TreeSet<>();
    List<String> relative = new ArrayList<>();
    for (String entry : entries) {
      roots.add(entry.substring(0, entry.indexOf('/')));
      relative.add(entry.substring(entry.indexOf('/') + 1));
    }

    assertThat(roots).containsExactly("tfwh_superset_bundle");
    assertThat(relative).containsExactlyInAnyOrderElementsOf(SupersetBundle.yamlFiles(sources));
    assertThat(relative).contains("metadata.yaml").doesNotContain("README.md");
  }

  @Test
  void everyEntryIsByteForByteItsSource() throws IOException {
    try (ZipFile file = new ZipFile(zip.toFile())) {
      for (ZipEntry entry : Collections.list(file.entries())) {
        if (entry.isDirectory()) {
          continue;
        }
        String relative = entry.getName().substring(entry.getName().indexOf('/') + 1);
        byte[] content = file.getInputStream(entry).readAllBytes();
        assertThat(content)
            .as(entry.getName())
            .isEqualTo(Files.readAllBytes(sources.resolve(relative)));
      }
    }
  }

  @Test
  void theZippedBundleReadsBackAsTheSameDashboards(@TempDir Path unpacked) throws IOException {
    try (ZipFile file = new ZipFile(zip.toFile())) {
      for (ZipEntry entry : Collections.list(file.entries())) {
        Path target = unpacked.resolve(entry.getName()).normalize();
        assertThat(target).startsWithRaw(unpacked);
        if (entry.isDirectory()) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.write(target, file.getInputStream(entry).readAllBytes());
        }
      }
    }
    SupersetBundle fromZip = SupersetBundle.read(unpacked.resolve("tfwh_superset_bundle"));

    assertThat(fromZip).isEqualTo(SupersetBundle.read(sources));
  }

  private List<String> fileEntries() throws IOException {
    try (ZipFile file = new ZipFile(zip.toFile())) {
      return Collections.list(file.entries()).stream()
          .filter(entry -> !entry.isDirectory())
          .map(ZipEntry::getName)
          .toList();
    }
  }
}
