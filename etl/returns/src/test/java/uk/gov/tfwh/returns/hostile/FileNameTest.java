package uk.gov.tfwh.returns.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.gov.tfwh.returns.Fixtures;
import uk.gov.tfwh.returns.ReturnWriter;
import uk.gov.tfwh.returns.model.Finding;
import uk.gov.tfwh.returns.model.ReturnFormat;
import uk.gov.tfwh.returns.model.ReturnOutcome;
import uk.gov.tfwh.returns.model.ReturnSource;
import uk.gov.tfwh.returns.model.SourceFile;
import uk.gov.tfwh.returns.read.LandingFolder;
import uk.gov.tfwh.returns.read.LandingScan;
import uk.gov.tfwh.returns.read.ReadLimits;
import uk.gov.tfwh.returns.read.ReturnReader;

/**
 * File names: spaces and other scripts are ordinary names; {@code ..}, separators, hidden names and
 * control or invisible characters are refused (TFQR-F04) with the name shown escaped, and a forged
 * source naming a file outside the landing folder is never opened.
 */
class FileNameTest {
  @TempDir Path temp;

  private Path landing() throws IOException {
    return Files.createDirectories(temp.resolve("landing"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Kent return 2015 Q2", "Gateshead – Ünïcödé 北 ✓", "kent_(v2)+final"})
  void oddButHarmlessNamesAreReadLikeAnyOther(String stem) throws IOException {
    Path landing = landing();
    new ReturnWriter(landing).write(stem);

    HostileFiles.Reading reading = HostileFiles.readOnlyReturn(landing);

    assertThat(reading.outcome().accepted()).as(reading.outcome().findings().toString()).isTrue();
    assertThat(reading.outcome().source().id()).isEqualTo(stem + ".summary.csv");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a..b",
        "..",
        ".hidden",
        "line\nbreak",
        "carriage\rreturn",
        "tab\there",
        "right-to-left\u202Etxt.exe",
        "zero\u200Bwidth",
        "back\\slash",
        "drive:colon"
      })
  void unsafeNamesAreRefusedWithTheNameEscaped(String stem) throws IOException {
    Path landing = landing();
    new ReturnWriter(landing).write(stem);

    LandingScan scan = LandingFolder.scan(landing);

    assertThat(scan.returns()).isEmpty();
    assertThat(scan.findings())
        .isNotEmpty()
        .allSatisfy(f -> assertThat(f.ruleId()).isEqualTo("TFQR-F04"));
    for (Finding finding : scan.findings()) {
      assertThat(finding.message().codePoints())
          .as("no raw control or invisible character in %s", finding.message())
          .noneMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT);
      assertThat(finding.file().codePoints())
          .noneMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"../outside.summary.csv", "sub/../../outside.summary.csv", "/tmp/x.summary.csv"})
  void aForgedSourceOutsideTheLandingFolderIsNeverOpened(String name) throws IOException {
    Path landing = landing();
    new ReturnWriter(temp).write("outside"); // a valid return beside, not in, the landing folder
    ReturnSource forged =
        new ReturnSource("outside", ReturnFormat.CSV, List.of(new SourceFile(name, 10, "0")));

    ReturnOutcome outcome =
        new ReturnReader(Fixtures.reference(), ReadLimits.defaults()).read(landing, forged);

    assertThat(outcome.accepted()).isFalse();
    assertThat(outcome.findings()).extracting(Finding::ruleId).containsExactly("TFQR-F04");
  }

  @Test
  void aLinkToAFileOutsideTheLandingFolderIsRefused() throws IOException {
    Path landing = landing();
    new ReturnWriter(temp).write("outside");
    Files.createSymbolicLink(
        landing.resolve("linked.summary.csv"), temp.resolve("outside.summary.csv"));

    LandingScan scan = LandingFolder.scan(landing);

    assertThat(scan.returns()).isEmpty();
    assertThat(scan.findings()).extracting(Finding::ruleId).containsExactly("TFQR-F04");
    assertThat(scan.findings().get(0).message()).contains("not a plain file");
  }
}
