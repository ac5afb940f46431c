package uk.gov.tfwh.api.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 19, item 7: the served OpenAPI document passes Redocly's and Spectral's recommended rules
 * with no error and no warning. The two linters come from the npm registry (pinned), installed once
 * into target/ by this test; npm is on every machine this project builds on (.ci/run).
 */
class OpenApiLintTest extends ApiEndToEndTest {
  private static final String REDOCLY = "@redocly/cli@2.77.0";
  private static final String SPECTRAL = "@stoplight/spectral-cli@6.16.3";
  private static final Path DIR = Path.of("target", "openapi-lint").toAbsolutePath();

  @Test
  void theServedDocumentPassesRedoclyAndSpectralWithNoWarnings() throws Exception {
    Files.createDirectories(DIR);
    Path document = DIR.resolve("openapi.json");
    Files.writeString(document, get("/v3/api-docs").body(), StandardCharsets.UTF_8);
    Files.writeString(DIR.resolve(".spectral.yaml"), "extends: [\"spectral:oas\"]\n");
    if (!Files.exists(DIR.resolve("node_modules/.bin/redocly"))
        || !Files.exists(DIR.resolve("node_modules/.bin/spectral"))) {
      Result install =
          run(
              List.of(
                  "npm",
                  "install",
                  "--no-audit",
                  "--no-fund",
                  "--loglevel=error",
                  "--prefix",
                  DIR.toString(),
                  REDOCLY,
                  SPECTRAL),
              600);
      assertThat(install.exit()).as("npm install of the linters:\n" + install.output()).isZero();
    }

    Result redocly =
        run(
            List.of(
                DIR.resolve("node_modules/.bin/redocly").toString(), "lint", document.toString()),
            300);
    assertThat(redocly.exit()).as(redocly.output()).isZero();
    // "You have N warnings" when there are any (the Node.js banner also says "warning").
    assertThat(redocly.output())
        .as(redocly.output())
        .contains("Woohoo")
        .doesNotContainPattern("You have \\d+ warning");

    Result spectral =
        run(
            List.of(
                DIR.resolve("node_modules/.bin/spectral").toString(),
                "lint",
                "--fail-severity=hint",
                "--ruleset",
                DIR.resolve(".spectral.yaml").toString(),
                document.toString()),
            300);
    assertThat(spectral.exit()).as(spectral.output()).isZero();
    assertThat(spectral.output()).as(spectral.output()).contains("No results");
  }

  private record Result(int exit, String output) {}

  private static Result run(List<String> command, int seconds)
      throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(new ArrayList<>(command))
            .directory(DIR.toFile())
            .redirectErrorStream(true)
            .start();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " did not finish in " + seconds + " s");
    }
    return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }
}
