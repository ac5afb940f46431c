package uk.gov.tfwh.returns.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.returns.model.Finding;
import uk.gov.tfwh.returns.model.ReturnFormat;
import uk.gov.tfwh.returns.model.ReturnSource;
import uk.gov.tfwh.returns.model.SourceFile;

class LandingFolderTest {
  @TempDir Path dir;

  private void touch(String name, String text) throws IOException {
    Files.writeString(dir.resolve(name), text);
  }

  @Test
  void groupsPairsAndWorkbooksInAStableOrder() throws Exception {
    touch("b.summary.csv", "x");
    touch("b.claims.csv", "y");
    touch("a.SUMMARY.CSV", "z");
    touch("b.xlsx", "w");
    LandingScan scan = LandingFolder.scan(dir);
    assertThat(scan.findings()).isEmpty();
    assertThat(scan.returns())
        .extracting(ReturnSource::stem, ReturnSource::format, ReturnSource::id)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("a", ReturnFormat.CSV, "a.SUMMARY.CSV"),
            org.assertj.core.groups.Tuple.tuple("b", ReturnFormat.CSV, "b.summary.csv"),
            org.assertj.core.groups.Tuple.tuple("b", ReturnFormat.XLSX, "b.xlsx"));
    ReturnSource pair = scan.returns().get(1);
    assertThat(pair.files())
        .extracting(SourceFile::name)
        .containsExactly("b.summary.csv", "b.claims.csv");
    SourceFile summary = pair.files().get(0);
    assertThat(summary.sizeBytes()).isEqualTo(1);
    assertThat(summary.sha256())
        .isEqualTo(
            HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest("x".getBytes())));
    assertThat(LandingFolder.scan(dir)).isEqualTo(scan);
  }

  @Test
  void everythingElseIsReportedNotSkipped() throws IOException {
    touch("notes.txt", "");
    touch("r.xls", "");
    touch(".hidden.summary.csv", "");
    touch("tab\there.summary.csv", "");
    touch("rtl\u202Egnp.xlsx", "");
    touch(".summary.csv", "");
    touch("orphan.claims.csv", "");
    Files.createDirectory(dir.resolve("sub.xlsx"));
    LandingScan scan = LandingFolder.scan(dir);
    assertThat(scan.returns()).isEmpty();
    assertThat(scan.findings())
        .hasSize(8)
        .allSatisfy(
            f -> {
              assertThat(f.ruleId()).isEqualTo("TFQR-F04");
              assertThat(f.message()).doesNotContain("\t").doesNotContain("\u202E");
            });
    assertThat(scan.findings())
        .extracting(Finding::file)
        .contains(
            "notes.txt", "r.xls", "orphan.claims.csv", "sub.xlsx", "'tab\\u0009here.summary.csv'");
  }

  /**
   * A copy's name next to the claims it was meant to pair with: both are refused, the copy with the
   * name it needs, and both stay the load's inputs (accounted for, not skipped).
   */
  @Test
  void aCopysNameIsRefusedWithTheNameItNeeds() throws IOException {
    touch("kent.summary (1).csv", "");
    touch("kent.claims.csv", "");
    LandingScan scan = LandingFolder.scan(dir);

    assertThat(scan.returns()).isEmpty();
    assertThat(scan.files())
        .extracting(SourceFile::name)
        .containsExactly("kent.claims.csv", "kent.summary (1).csv");
    assertThat(scan.findings())
        .extracting(Finding::file)
        .containsExactly("kent.claims.csv", "kent.summary (1).csv");
    assertThat(scan.findings().get(0).message())
        .contains("the claims file has no summary file kent.summary.csv beside it");
    assertThat(scan.findings().get(1).message())
        .contains(
            "the file is not part of a return: a return is <stem>.summary.csv with an optional"
                + " <stem>.claims.csv, or <stem>.xlsx; if it is a return's summary, name it"
                + " kent.summary.csv.");
  }

  /**
   * A claims file whose stem is its summary's written another way (capitals, the marks between
   * words, one slip) is told the summary it likely belongs to; two alike, or a summary with its own
   * claims, are not chosen.
   */
  @Test
  void aLoneClaimsFileIsToldTheSummaryItsStemLikelyMeant() throws IOException {
    touch("kent-2015Q2.summary.csv", "");
    touch("Kent 2015Q2.claims.csv", "");
    touch("leeds_2015Q2.summary.csv", "");
    touch("leds_2015Q2.claims.csv", "");
    touch("york-2015Q2.summary.csv", "");
    touch("york-2015Q2.claims.csv", "");
    touch("york_2015Q2.claims.csv", "");
    touch("a-1.summary.csv", "");
    touch("a_1.summary.csv", "");
    touch("A 1.claims.csv", "");
    LandingScan scan = LandingFolder.scan(dir);

    assertThat(scan.findings())
        .extracting(f -> f.file() + ": " + f.message())
        .anySatisfy(
            m ->
                assertThat(m)
                    .startsWith("Kent 2015Q2.claims.csv: ")
                    .contains(
                        "the claims file has no summary file Kent 2015Q2.summary.csv beside it; the"
                            + " summary kent-2015Q2.summary.csv has no claims file: give the two"
                            + " files the same stem"))
        .anySatisfy(
            m ->
                assertThat(m)
                    .startsWith("leds_2015Q2.claims.csv: ")
                    .contains("; the summary leeds_2015Q2.summary.csv has no claims file"))
        .anySatisfy(
            m ->
                assertThat(m)
                    .startsWith("york_2015Q2.claims.csv: ")
                    .doesNotContain("the summary york"))
        .anySatisfy(
            m -> assertThat(m).startsWith("A 1.claims.csv: ").doesNotContain("; the summary"));
  }

  /** A copy beside the file it copies is not told to take that file's name. */
  @Test
  void aCopyBesideTheFileItCopiesIsNotToldToReplaceIt() throws IOException {
    touch("kent.summary.csv", "");
    touch("kent.summary (1).csv", "");
    LandingScan scan = LandingFolder.scan(dir);

    assertThat(scan.returns()).extracting(ReturnSource::stem).containsExactly("kent");
    assertThat(scan.findings())
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.message())
                    .contains(
                        "; if it is a return's summary, it needs a name of its own ending"
                            + " .summary.csv: kent.summary.csv is another file.")
                    .doesNotContain("name it kent.summary.csv"));
  }

  @Test
  void unsafeNamesAreRecognised() {
    assertThat(LandingFolder.unsafeReason("E08000025-2014Q3-p1.summary.csv")).isNull();
    assertThat(LandingFolder.unsafeReason("Kent Q2 (final).xlsx")).isNull();
    assertThat(LandingFolder.unsafeReason("..\\..\\x.xlsx")).isNotNull();
    assertThat(LandingFolder.unsafeReason("a..b.xlsx")).contains("..");
    assertThat(LandingFolder.unsafeReason("a\nb.xlsx")).contains("U+000A");
    assertThat(LandingFolder.unsafeReason("x".repeat(256))).contains("longer");
  }

  @Test
  void aMissingFolderIsTheLoadsProblemNotAFinding() {
    assertThatThrownBy(() -> LandingFolder.scan(dir.resolve("absent")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("absent");
  }

  @Test
  void aScanInTwoHalvesIsTheScan() throws IOException {
    // The load looks at the folder on one thread and resolves checksums on another.
    touch("b.summary.csv", "x");
    touch("b.claims.csv", "y");
    touch("c.xlsx", "w");
    touch("notes.txt", "");
    touch("orphan.claims.csv", "");
    touch("tab\there.summary.csv", "");
    Files.createDirectory(dir.resolve("sub.xlsx"));
    LandingListing listing = LandingFolder.look(dir);
    assertThat(listing.entries()).isEqualTo(7);
    assertThat(LandingFolder.scan(listing, FileChecksums.none()))
        .isEqualTo(LandingFolder.scan(dir))
        .satisfies(
            scan -> {
              assertThat(scan.returns()).hasSize(2);
              assertThat(scan.findings()).hasSize(4);
              assertThat(scan.files())
                  .extracting(SourceFile::name)
                  .containsExactly(
                      "b.claims.csv", "b.summary.csv", "c.xlsx", "notes.txt", "orphan.claims.csv");
            });
  }
}
