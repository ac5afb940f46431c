package uk.gov.tfwh.generator.fault;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One fault in the manifest: the rule the loader must report, the file it must name (as the loader
 * names it in {@code fact_finding.file}), the sheet row for a claim row (1-based, header = row 1),
 * the kind, and what was broken, in words.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FaultRecord(
    @JsonProperty("rule") String rule,
    @JsonProperty("file") String file,
    @JsonProperty("sheet") String sheet,
    @JsonProperty("row") Integer row,
    @JsonProperty("kind") String kind,
    @JsonProperty("example") String example,
    @JsonProperty("authority_code") String authorityCode,
    @JsonProperty("phase") Integer phase,
    @JsonProperty("period_end") String periodEnd,
    @JsonProperty("detail") String detail) {
  public FaultRecord {
    requireNonNull(rule, "rule");
    requireNonNull(file, "file");
    requireNonNull(kind, "kind");
  }
}
