package uk.gov.tfwh.returns.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.returns.model.Finding;
import uk.gov.tfwh.returns.model.ReturnOutcome;

/**
 * A workbook is XML in a zip, and XML may declare entities: one naming a file of the machine that
 * reads it (XXE) would put that file into the return, and nested ones (the "billion laughs") expand
 * a few bytes into gigabytes. A workbook that declares a document type is refused as unreadable,
 * whichever of its parts declares it, and nothing it names is read.
 */
class XmlEntityTest {
  private static final String SECRET = "the-machine's-own-secret-4f1c";

  @TempDir Path dir;

  @Test
  void anEntityNamingAFileOfTheMachineIsNeverRead() throws IOException {
    Path secret = Files.writeString(dir.resolve("secret.txt"), SECRET);
    Path returns = Files.createDirectories(dir.resolve("returns"));
    HostileFiles.workbookWithChanged(
        returns.resolve("xxe.xlsx"),
        Map.of(
            HostileFiles.SUMMARY_SHEET,
            sheet ->
                withDoctype(
                        sheet,
                        "<!DOCTYPE worksheet [<!ENTITY secret SYSTEM \"" + secret.toUri() + "\">]>")
                    .replace(
                        "<t xml:space=\"preserve\">A. Director</t>",
                        "<t xml:space=\"preserve\">&secret;</t>")));

    ReturnOutcome outcome = HostileFiles.readOnlyReturn(returns).outcome();

    assertThat(outcome.accepted()).isFalse();
    assertThat(outcome.findings()).extracting(Finding::ruleId).containsExactly("TFQR-F02");
    assertThat(outcome.findings().get(0).message())
        .contains(
            "a part of it declares a document type (<!DOCTYPE ...>), which no spreadsheet writes"
                + " in a workbook; nothing it declares was read")
        .doesNotContain(SECRET);
    assertThat(outcome.toString()).doesNotContain(SECRET);
  }

  @Test
  void nestedEntitiesAreRefusedWithoutExpandingThem() throws IOException {
    StringBuilder laughs = new StringBuilder("<!DOCTYPE worksheet [<!ENTITY l0 \"lol\">");
    for (int level = 1; level <= 10; level++) {
      laughs.append("<!ENTITY l").append(level).append(" \"");
      laughs.append(("&l" + (level - 1) + ";").repeat(10)).append("\">");
    }
    laughs.append("]>");
    HostileFiles.workbookWithChanged(
        dir.resolve("laughs.xlsx"),
        Map.of(
            HostileFiles.SUMMARY_SHEET,
            sheet ->
                withDoctype(sheet, laughs.toString())
                    .replace(
                        "<t xml:space=\"preserve\">A. Director</t>",
                        "<t xml:space=\"preserve\">&l10;</t>")));

    long before = HostileFiles.allocatedByThisThread();
    ReturnOutcome outcome = HostileFiles.readOnlyReturn(dir).outcome();
    long allocated = HostileFiles.allocatedByThisThread() - before;

    assertThat(outcome.accepted()).isFalse();
    assertThat(outcome.findings()).extracting(Finding::ruleId).containsExactly("TFQR-F02");
    // Ten thousand million "lol"s expanded would be 30 GB; refused, it is a few megabytes.
    assertThat(allocated).isLessThan(512L * 1024 * 1024);
  }

  @Test
  void aDocumentTypeInThePackagesOwnPartsIsRefusedToo() throws IOException {
    HostileFiles.workbookWithChanged(
        dir.resolve("types.xlsx"),
        Map.of(
            "[Content_Types].xml",
            types -> withDoctype(types, "<!DOCTYPE Types [<!ENTITY x \"x\">]>"),
            "xl/workbook.xml",
            book -> withDoctype(book, "<!DOCTYPE workbook [<!ENTITY x \"x\">]>")));

    ReturnOutcome outcome = HostileFiles.readOnlyReturn(dir).outcome();

    assertThat(outcome.accepted()).isFalse();
    assertThat(outcome.findings()).extracting(Finding::ruleId).containsExactly("TFQR-F02");
  }

  /**
   * Any other part the reader cannot parse is refused with the reader's own message, quoted: it can
   * name what the file holds, which must not forge or hide text in the finding.
   */
  @Test
  void whatTheReaderSaysOfAMalformedPartIsQuoted() throws IOException {
    HostileFiles.workbookWithChanged(
        dir.resolve("malformed.xlsx"),
        Map.of(
            HostileFiles.SUMMARY_SHEET, sheet -> sheet.replace("<sheetData>", "<sheetData><x y>")));

    ReturnOutcome outcome = HostileFiles.readOnlyReturn(dir).outcome();

    assertThat(outcome.findings()).extracting(Finding::ruleId).containsExactly("TFQR-F02");
    assertThat(outcome.findings().get(0).message())
        .contains(
            "not a readable XLSX workbook (the reader said 'Attribute name \"y\" associated with an"
                + " element type \"x\"");
  }

  /** The part with {@code doctype} after its XML declaration. */
  private static String withDoctype(String part, String doctype) {
    int declarationEnd = part.indexOf("?>") + 2;
    return part.substring(0, declarationEnd) + doctype + part.substring(declarationEnd);
  }
}
