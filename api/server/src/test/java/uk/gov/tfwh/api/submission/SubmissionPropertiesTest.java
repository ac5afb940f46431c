package uk.gov.tfwh.api.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import uk.gov.tfwh.returns.landing.SubmissionSidecars;

class SubmissionPropertiesTest {

  @Test
  void withoutALandingFolderTheServiceTakesNoReturns() {
    assertThat(new SubmissionProperties(null, null, null).enabled()).isFalse();
  }

  @Test
  void theSubmissionsFolderDefaultsToTheOneTheLoadLooksIn() {
    SubmissionProperties properties =
        new SubmissionProperties(Path.of("/srv/tfwh/landing"), null, null);

    assertThat(properties.enabled()).isTrue();
    assertThat(properties.folderOrDefault()).isEqualTo(Path.of("/srv/tfwh/submissions"));
    assertThat(properties.folderOrDefault())
        .isEqualTo(SubmissionSidecars.defaultFolder(Path.of("/srv/tfwh/landing")));
    assertThat(
            new SubmissionProperties(Path.of("/a/landing"), Path.of("/b/subs"), null)
                .folderOrDefault())
        .isEqualTo(Path.of("/b/subs"));
  }

  @Test
  void theReferenceSetDefaultsToTheProjects() {
    String root = System.getProperty("tfwh.root.dir");
    assertThat(new SubmissionProperties(Path.of("l"), null, null).referenceOrDefault())
        .isEqualTo(Path.of(root, "reference"));
    assertThat(new SubmissionProperties(Path.of("l"), null, Path.of("/ref")).referenceOrDefault())
        .isEqualTo(Path.of("/ref"));
  }
}
