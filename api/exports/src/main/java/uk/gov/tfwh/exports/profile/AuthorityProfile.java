package uk.gov.tfwh.exports.profile;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import uk.gov.tfwh.exports.source.Provenance;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.projection.Projection;
import uk.gov.tfwh.warehouse.query.benchmark.BenchmarkSummary;

/**
 * Everything one authority's profile shows for a phase and quarter, as the query layer gives it:
 * nothing here is worked out again except the projection, which is the programme's one rule ({@link
 * uk.gov.tfwh.programme.projection.ProgressProjection}), and the group quartiles, which are the
 * warehouse's {@link BenchmarkSummary}.
 *
 * @param latest the authority's line for the quarter; null when it has no figures in the quarter
 * @param series every quarter it reported in the phase up to the quarter, oldest first
 * @param projection from the series; null when there is no series or no target
 * @param benchmarks one per comparison group (neighbours, region, type, England); empty without
 *     figures in the quarter
 * @param benchmarkSnapshotId the snapshot the benchmarks were read from (the figures snapshot: a
 *     coordinator's own pre-release figures are compared with the published ones of others)
 * @param payments the phase's payments up to the quarter; null when nothing was paid
 * @param restrictedShown whether data quality and return versions are shown (the national team and
 *     the authority's own coordinator); when false both lists are empty and quality is null
 */
public record AuthorityProfile(
    Provenance provenance,
    String benchmarkSnapshotId,
    Phase phase,
    LocalDate period,
    String quarterLabel,
    String code,
    String name,
    String region,
    String authorityType,
    Integer target,
    String targetBasis,
    QuarterLine latest,
    List<QuarterLine> series,
    Projection projection,
    List<Benchmark> benchmarks,
    List<Neighbour> neighbours,
    Payments payments,
    boolean restrictedShown,
    Quality quality,
    List<Finding> findings,
    List<ReturnVersion> returns) {

  public AuthorityProfile {
    requireNonNull(provenance, "provenance");
    requireNonNull(benchmarkSnapshotId, "benchmarkSnapshotId");
    requireNonNull(phase, "phase");
    requireNonNull(period, "period");
    requireNonNull(quarterLabel, "quarterLabel");
    requireNonNull(code, "code");
    requireNonNull(name, "name");
    series = List.copyOf(series);
    benchmarks = List.copyOf(benchmarks);
    neighbours = List.copyOf(neighbours);
    findings = List.copyOf(findings);
    returns = List.copyOf(returns);
  }

  /** Whether the authority has figures for the quarter (a profile without them says so). */
  public boolean hasFigures() {
    return latest != null;
  }

  /** One quarter of the authority's series, as {@code authority_progress.sql} gives it. */
  public record QuarterLine(
      LocalDate period,
      String quarterLabel,
      long turnedAround,
      Integer target,
      BigDecimal percentOfTarget,
      Integer nationalRank,
      Integer quartile,
      Long changeInTurnedAround,
      BigDecimal changeInPercentPoints) {
    public QuarterLine {
      requireNonNull(period, "period");
      requireNonNull(quarterLabel, "quarterLabel");
    }
  }

  /**
   * A member of the authority's statistical-neighbour group in the quarter (the set in effect
   * then), the authority itself among them, as {@code benchmark.sql} gives it.
   */
  public record Neighbour(
      int groupRank,
      String code,
      String name,
      boolean subject,
      long turnedAround,
      Integer target,
      BigDecimal percentOfTarget) {
    public Neighbour {
      requireNonNull(code, "code");
      requireNonNull(name, "name");
    }
  }

  /** The authority against one comparison group ({@code benchmark.sql} and its summary). */
  public record Benchmark(String group, String label, BenchmarkSummary summary) {
    public Benchmark {
      requireNonNull(group, "group");
      requireNonNull(label, "label");
      requireNonNull(summary, "summary");
    }
  }

  /** Payments up to and including the quarter ({@code payments.sql}, the latest row). */
  public record Payments(
      LocalDate latestPeriod,
      BigDecimal paidInQuarter,
      BigDecimal toDate,
      BigDecimal cap,
      BigDecimal remaining,
      boolean capReached) {
    public Payments {
      requireNonNull(latestPeriod, "latestPeriod");
      requireNonNull(toDate, "toDate");
    }
  }

  /** The quarter's submission status ({@code data_quality.sql}). */
  public record Quality(
      String status,
      boolean late,
      boolean resubmitted,
      long versions,
      long rejections,
      long warnings,
      long notes) {
    public Quality {
      requireNonNull(status, "status");
    }
  }

  /** One finding of the quarter ({@code data_quality_findings.sql}). */
  public record Finding(String ruleId, String severity, String where, String message) {
    public Finding {
      requireNonNull(ruleId, "ruleId");
      requireNonNull(severity, "severity");
    }
  }

  /** One accepted version of the quarter's return ({@code return_history.sql}). */
  public record ReturnVersion(
      String returnId,
      Instant submittedAt,
      String submittedBy,
      long turnedAround,
      boolean current,
      String revisionNote) {
    public ReturnVersion {
      requireNonNull(returnId, "returnId");
    }
  }
}
