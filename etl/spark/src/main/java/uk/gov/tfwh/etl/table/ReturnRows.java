package uk.gov.tfwh.etl.table;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import uk.gov.tfwh.etl.read.ReadReturn;
import uk.gov.tfwh.etl.read.ReturnIds;
import uk.gov.tfwh.programme.outcome.TurnedAround;
import uk.gov.tfwh.programme.reference.SubmissionWindows;
import uk.gov.tfwh.returns.history.ReturnHistory;
import uk.gov.tfwh.returns.model.ReturnSummary;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/** One {@code fact_return} row: an accepted version as submitted, with its place in history. */
public final class ReturnRows {
  /**
   * How a row is made: the columns and a version bumped whenever {@link #of} makes a row
   * differently, so a load never keeps a quarter's rows made another way.
   */
  public static final String FORMAT = "fact_return 1 " + WarehouseTable.FACT_RETURN.columns();

  private ReturnRows() {}

  /**
   * The quarters ({@code 2014-03-31}) whose rows are the same as the previous load built: those
   * whose accepted versions are the same return ids. A row follows from its version (an id is a
   * hash of its files, and a reused version is the previous load's, received and loaded when it
   * was), the reference set (the caller compares) and its history decision, which depends only on
   * the versions of its own authority, phase and quarter ({@code ReturnHistory}).
   */
  public static Set<String> unchangedQuarters(List<ReadReturn> before, List<ReadReturn> now) {
    Map<String, Set<String>> earlier = acceptedIdsByQuarter(before);
    Map<String, Set<String>> later = acceptedIdsByQuarter(now);
    Set<String> unchanged = new TreeSet<>();
    earlier.forEach(
        (quarter, ids) -> {
          if (ids.equals(later.get(quarter))) {
            unchanged.add(quarter);
          }
        });
    return unchanged;
  }

  /** The quarter ({@code 2014-03-31}) whose partition holds a version's row. */
  public static String quarterOf(ReadReturn read) {
    return PartitionDigests.quarterKey(read.acceptedSummary().quarter().end());
  }

  private static Map<String, Set<String>> acceptedIdsByQuarter(List<ReadReturn> returns) {
    Map<String, Set<String>> byQuarter = new HashMap<>();
    for (ReadReturn read : returns) {
      if (read.accepted()) {
        byQuarter.computeIfAbsent(quarterOf(read), q -> new HashSet<>()).add(read.returnId());
      }
    }
    return byQuarter;
  }

  /**
   * @param windows the quarters' deadlines; without them lateness is unknown (null)
   */
  public static Row of(
      ReadReturn read, ReturnHistory.Decision decision, Optional<SubmissionWindows> windows) {
    ReturnSummary s = read.acceptedSummary();
    // When it arrived as far as the warehouse can tell: the service's clock, or for a drop the
    // signing time it states, never later than the load saw it (Arrival).
    Instant arrived = read.arrival().credibleSubmission();
    return ContractRow.of(WarehouseTable.FACT_RETURN)
        .set("return_id", read.returnId())
        .set("authority_code", s.authorityCode())
        .set("submitted_authority_code", s.submittedAuthorityCode())
        .set("phase", s.phase().number())
        .set("period_end", s.quarter().end())
        .set("families_identified", s.familiesIdentified())
        .set("families_attached", s.familiesAttached())
        .set("results_crime_asb_education", s.resultsCrimeAsbEducation())
        .set("results_continuous_employment", s.resultsContinuousEmployment())
        .set("results_progress_to_work", s.resultsProgressToWork())
        .set("results_sustained_progress", s.resultsSustainedProgress())
        .set("turned_around", TurnedAround.of(s.phase(), s.results()))
        .set("submitted_at", s.submittedAt().toInstant())
        .set("received_at", read.receivedAt())
        .set("provenance", read.provenance().label())
        .set("submission_submitter", read.provenance().submitter())
        .set("late", windows.flatMap(w -> w.isLate(s.phase(), s.quarter(), arrived)).orElse(null))
        .set("submitted_by", s.submittedBy())
        .set("sro_sign_off", s.sroSignOff())
        .set("revision_note", s.revisionNote())
        .set("source_stem", read.source().stem())
        .set("source_format", read.source().format().name())
        .set("source_sha256", ReturnIds.combinedSha256(read.source()))
        .set("loaded_snapshot_id", read.loadedSnapshotId())
        .set("is_current", decision.status() == ReturnHistory.Status.CURRENT)
        .set("supersedes_return_id", decision.supersedes())
        .set("superseded_by_return_id", decision.supersededBy())
        .build();
  }
}
