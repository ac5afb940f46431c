package uk.gov.tfwh.returns.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Renders the catalogue as {@code docs/rules.md}, so the document is written from {@link Rule} and
 * a test can prove it has not drifted. Run {@code main} with the path of the document to rewrite
 * it.
 */
public final class RuleCatalogueDocument {
  private RuleCatalogueDocument() {}

  /** The whole document: a short introduction and one table of id, severity and description. */
  public static String render() {
    StringBuilder text =
        new StringBuilder()
            .append("# TFQR-1 validation rules\n\n")
            .append(
                "Generated from `uk.gov.tfwh.returns.rules.Rule` (module `etl/returns`); a test")
            .append(" fails when this file and the catalogue differ. Regenerate with\n")
            .append("`java -cp etl/returns/target/classes uk.gov.tfwh.returns.rules.")
            .append("RuleCatalogueDocument docs/rules.md`.\n\n")
            .append("Severity: a rejected return loads nothing and the previous accepted return")
            .append(
                " stands; a rejected claim row loses only that row; warnings and notes load.\n\n")
            .append("| id | severity | description |\n")
            .append("|---|---|---|\n");
    for (Rule rule : Rule.values()) {
      text.append("| ")
          .append(rule.id())
          .append(" | ")
          .append(severityLabel(rule))
          .append(" | ")
          .append(rule.description().replace("|", "\\|"))
          .append(" |\n");
    }
    return text.toString();
  }

  static String severityLabel(Rule rule) {
    return switch (rule.severity()) {
      case RETURN_REJECTED -> "return rejected";
      case ROW_REJECTED -> "claim row rejected";
      case WARNING -> "warning";
      case NOTE -> "note";
    };
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: RuleCatalogueDocument <path of docs/rules.md>");
      System.exit(2);
    }
    Files.writeString(Path.of(args[0]), render(), StandardCharsets.UTF_8);
  }
}
