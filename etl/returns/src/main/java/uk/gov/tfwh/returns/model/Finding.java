package uk.gov.tfwh.returns.model;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;

/**
 * One message about a return: which rule, where (file, sheet, 1-based row with the header as row 1,
 * column) and what the authority should know, in plain English. Row and column are null where the
 * rule is about the whole return or file.
 */
public record Finding(
    String ruleId,
    Severity severity,
    String file,
    String sheet,
    Integer row,
    String column,
    String message)
    implements Serializable {
  public Finding {
    requireNonNull(ruleId, "ruleId");
    requireNonNull(severity, "severity");
    requireNonNull(file, "file");
    requireNonNull(message, "message");
  }
}
