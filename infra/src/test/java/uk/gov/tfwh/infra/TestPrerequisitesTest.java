package uk.gov.tfwh.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A newcomer's {@code ./tfwh test} on a machine without the tests' Debian packages, where they
 * cannot be installed without asking: it names them and how to install them, and stops before a
 * build whose browser and catalog tests would fail minutes later.
 */
class TestPrerequisitesTest {
  private static final Path ROOT = Path.of(System.getProperty("tfwh.root.dir")).toAbsolutePath();

  @Test
  void missingPackagesThatCannotBeInstalledAreNamedAndTheRunStops(@TempDir Path bin)
      throws IOException, InterruptedException {
    // A PATH with `id` alone: no Chromium, no driver, no npm, no apt-get and no sudo.
    Files.createSymbolicLink(bin.resolve("id"), Path.of("/usr/bin/id"));
    ProcessBuilder builder =
        new ProcessBuilder("/bin/bash", ROOT.resolve("infra/bin/test-prerequisites.sh").toString())
            .redirectErrorStream(true);
    builder.environment().put("PATH", bin.toString());
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();

    assertThat(process.exitValue()).as(output).isEqualTo(1);
    assertThat(output)
        .contains("tfwh test: the tests need packages this machine lacks: chromium chromium-driver")
        .contains("on Debian or Ubuntu: sudo apt-get install --no-install-recommends chromium")
        .doesNotContain("installing");
  }
}
