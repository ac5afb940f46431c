package uk.gov.tfwh.etl.report;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a load read, accepted and rejected, per return and in total, its findings by rule and how
 * long each stage took. Kept with the release (in its catalog row on the Iceberg store, as {@code
 * load-report.json} in the snapshot on the folder store) and printed as a summary.
 *
 * @param stageMillis wall time of each stage, in the order they ran
 * @param findingsByRule number of findings of each rule (every severity)
 * @param tableRows rows written to each warehouse table
 */
public record LoadReport(
    String snapshotId,
    String parentSnapshotId,
    Instant startedAt,
    String referenceVersion,
    Totals totals,
    Map<String, Long> stageMillis,
    SortedMap<String, Long> findingsByRule,
    SortedMap<String, Long> tableRows,
    List<ReturnCounts> returns) {

  public static final String FILE_NAME = "load-report.json";
  private static final int NOTABLE_LINES = 40;

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.INDENT_OUTPUT);
  private static final ObjectWriter COMPACT =
      JSON.writer().without(SerializationFeature.INDENT_OUTPUT);

  public LoadReport {
    requireNonNull(snapshotId, "snapshotId");
    requireNonNull(startedAt, "startedAt");
    requireNonNull(totals, "totals");
    stageMillis = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(stageMillis));
    findingsByRule = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(findingsByRule));
    tableRows = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(tableRows));
    returns = List.copyOf(returns);
  }

  public void writeJson(Path file) {
    try {
      JSON.writeValue(file.toFile(), this);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the load report " + file, e);
    }
  }

  /**
   * The report as JSON text without {@link #writeJson}'s indentation: the release row keeps it, and
   * it lists every return of the history (2.4 MB indented on 31 quarters at scale 1, written by
   * every load).
   */
  public String json() {
    try {
      return COMPACT.writeValueAsString(this);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the load report " + snapshotId, e);
    }
  }

  public static LoadReport readJson(Path file) {
    try {
      return JSON.readValue(file.toFile(), LoadReport.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the load report " + file, e);
    }
  }

  /**
   * The readable summary printed at the end of a load.
   *
   * @param reportPlace where the whole report is kept (the release's row of the catalog, or the
   *     snapshot's {@code load-report.json} on the folder store), named when the summary lists only
   *     the first of the returns with rejections or warnings
   */
  public String summary(String reportPlace) {
    Totals t = totals;
    List<String> lines = new ArrayList<>();
    lines.add("Load " + snapshotId + " (reference set " + referenceVersion + ")");
    lines.add(
        String.format(
            Locale.ROOT,
            "  returns     read %,d = accepted %,d + rejected %,d"
                + "  (current %,d, superseded %,d; stale %,d, identical copies ignored %,d)",
            t.returnsRead(),
            t.returnsAccepted(),
            t.returnsRejected(),
            t.returnsCurrent(),
            t.returnsSuperseded(),
            t.returnsStale(),
            t.identicalCopiesIgnored()));
    lines.add(
        String.format(
            Locale.ROOT,
            "              read by this load %,d, reused from the previous snapshot %,d",
            t.returnsReadThisLoad(),
            t.returnsReused()));
    lines.add(
        String.format(
            Locale.ROOT,
            "  claim rows  read %,d = accepted %,d + rejected %,d",
            t.claimRowsRead(),
            t.claimRowsAccepted(),
            t.claimRowsRejected()));
    lines.add(
        String.format(
            Locale.ROOT,
            "  warnings %,d, notes %,d, files not part of a return %,d",
            t.warnings(),
            t.notes(),
            t.filesNotPartOfAReturn()));
    if (!findingsByRule.isEmpty()) {
      StringBuilder rules = new StringBuilder("  findings by rule:");
      findingsByRule.forEach((rule, n) -> rules.append(' ').append(rule).append('=').append(n));
      lines.add(rules.toString());
    }
    StringBuilder stages = new StringBuilder("  stages (ms):");
    stageMillis.forEach((stage, ms) -> stages.append(' ').append(stage).append('=').append(ms));
    lines.add(stages.toString());
    List<ReturnCounts> notable =
        returns.stream()
            .filter(r -> !r.accepted() || r.claimRowsRejected() > 0 || r.warnings() > 0)
            .toList();
    if (!notable.isEmpty()) {
      lines.add(
          "  returns with rejections or warnings (status, claim rows read/accepted/rejected,"
              + " warnings, rules):");
      for (ReturnCounts r : notable.subList(0, Math.min(NOTABLE_LINES, notable.size()))) {
        lines.add(
            String.format(
                Locale.ROOT,
                "    %-40s %-14s %d/%d/%d  %d  %s",
                r.files().get(0),
                r.status(),
                r.claimRowsRead(),
                r.claimRowsAccepted(),
                r.claimRowsRejected(),
                r.warnings(),
                String.join(",", r.rules())));
      }
      if (notable.size() > NOTABLE_LINES) {
        lines.add(
            "    ... and "
                + (notable.size() - NOTABLE_LINES)
                + " more; every return is in "
                + reportPlace);
      }
    }
    return String.join(System.lineSeparator(), lines);
  }
}
