package uk.gov.tfwh.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.gov.tfwh.infra.LauncherHelpTest.Run;

/**
 * Every JVM the launcher starts may write to an {@code s3://} warehouse, and the AWS SDK's default
 * request checksums make S3 APIs other than AWS's refuse its writes (s3proxy: 400); Iceberg has no
 * property for them, so the launcher sets the SDK's system property. Checked in the running JVM:
 * {@code -XshowSettings:properties} (through {@code TFWH_JAVA_OPTS}) prints its system properties
 * and the command then answers {@code --help} as usual.
 */
class LauncherJavaOptionsTest {
  @ParameterizedTest(name = "./tfwh {0}")
  @ValueSource(strings = {"generate", "load", "publish", "serve", "users", "briefing"})
  void everyJavaCommandAsksTheAwsSdkForChecksumsOnlyWhereRequired(String command) {
    Run run =
        LauncherHelpTest.tfwh(
            Map.of("TFWH_JAVA_OPTS", "-XshowSettings:properties"), command, "--help");

    assertThat(run.code()).as(run.output()).isZero();
    assertThat(run.output())
        .contains("aws.requestChecksumCalculation = when_required")
        .containsIgnoringCase("usage");
  }
}
