package uk.gov.tfwh.api.web.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;

/**
 * axe-core (from the npm registry, fetched by the build) injected into the page the browser shows,
 * run against WCAG 2.2 level AA: the tags of levels A and AA of WCAG 2.0, 2.1 and 2.2.
 */
final class Axe {
  static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

  private static String source;

  private Axe() {}

  /** Every violation on the current page, one line each: rule, impact, the elements. */
  static List<String> violations(JavascriptExecutor page) {
    page.executeScript(source());
    Object json =
        page.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]},"
                + " resultTypes: ['violations']})"
                + ".then(r => done(JSON.stringify(r.violations)))"
                + ".catch(e => done('error: ' + e));",
            TAGS);
    String text = String.valueOf(json);
    if (text.startsWith("error: ")) {
      throw new IllegalStateException("axe-core failed: " + text);
    }
    List<String> found = new ArrayList<>();
    try {
      for (JsonNode violation : new ObjectMapper().readTree(text)) {
        List<String> targets = new ArrayList<>();
        for (JsonNode node : violation.path("nodes")) {
          targets.add(node.path("target").toString() + " " + node.path("failureSummary").asText());
        }
        found.add(
            violation.path("id").asText()
                + " ("
                + violation.path("impact").asText()
                + "): "
                + violation.path("help").asText()
                + " at "
                + targets);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return found;
  }

  private static synchronized String source() {
    if (source == null) {
      String path = System.getProperty("tfwh.axe.js");
      if (path == null) {
        throw new IllegalStateException("tfwh.axe.js is not set (the pom sets it for surefire)");
      }
      try {
        source = Files.readString(Path.of(path));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read axe-core from " + path, e);
      }
    }
    return source;
  }
}
