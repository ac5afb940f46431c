package uk.gov.tfwh.api.submission;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import uk.gov.tfwh.returns.landing.SubmissionSidecars;

/**
 * The submission service's settings ({@code tfwh.submissions.*}; {@code ./tfwh serve --landing}).
 * Without a landing folder the service takes no returns (uploads are answered 503) and lists none.
 *
 * @param landing the landing folder the load reads; signed-off returns are moved in here
 * @param folder the submissions folder (sidecars, hold, quarantine); by default {@code submissions}
 *     beside the landing folder, never inside it (the load would report its entries)
 * @param reference the reference set (authorities, submission windows); by default the project's
 *     {@code reference} folder
 */
@ConfigurationProperties("tfwh.submissions")
public record SubmissionProperties(Path landing, Path folder, Path reference) {

  public boolean enabled() {
    return landing != null;
  }

  public Path folderOrDefault() {
    return folder != null ? folder : SubmissionSidecars.defaultFolder(landing);
  }

  public Path referenceOrDefault() {
    if (reference != null) {
      return reference;
    }
    String root = System.getProperty("tfwh.root.dir");
    if (root == null) {
      throw new IllegalStateException(
          "set tfwh.submissions.reference (./tfwh serve --reference DIR): there is no"
              + " tfwh.root.dir to find the project's reference set");
    }
    return Path.of(root, "reference");
  }
}
