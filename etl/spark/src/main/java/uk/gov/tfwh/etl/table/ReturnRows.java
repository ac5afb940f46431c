package uk.gov.tfwh.etl.table;

import org.apache.spark.sql.Row;
import uk.gov.tfwh.etl.read.ReadReturn;
import uk.gov.tfwh.etl.read.ReturnIds;
import uk.gov.tfwh.programme.outcome.TurnedAround;
import uk.gov.tfwh.returns.history.ReturnHistory;
import uk.gov.tfwh.returns.model.ReturnSummary;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/** One {@code fact_return} row: an accepted version as submitted, with its place in history. */
public final class ReturnRows {
  private ReturnRows() {}

  public static Row of(ReadReturn read, ReturnHistory.Decision decision) {
    ReturnSummary s = read.acceptedSummary();
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
        .set(
            "turned_around",
            TurnedAround.of(
                s.phase(),
                s.resultsCrimeAsbEducation(),
                s.resultsContinuousEmployment(),
                s.resultsSustainedProgress()))
        .set("submitted_at", s.submittedAt().toInstant())
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
