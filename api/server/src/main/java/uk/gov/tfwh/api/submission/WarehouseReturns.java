package uk.gov.tfwh.api.submission;

import static java.util.Objects.requireNonNull;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import uk.gov.tfwh.api.serving.SnapshotPointers;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;
import uk.gov.tfwh.returns.history.ReturnVersion;
import uk.gov.tfwh.returns.model.ReturnSummary;
import uk.gov.tfwh.warehouse.query.Query;
import uk.gov.tfwh.warehouse.query.QueryArguments;
import uk.gov.tfwh.warehouse.query.QueryResult;
import uk.gov.tfwh.warehouse.query.ResultRow;
import uk.gov.tfwh.warehouse.query.SnapshotSelector;
import uk.gov.tfwh.warehouse.query.WarehouseQueries;

/**
 * What the warehouse has made of submissions: whether a quarter's return is already published (a
 * new submission is then a revision), and which snapshot loaded and which published a submission. A
 * submission's files are named after its id, so the load records the id as the return's {@code
 * source_stem}.
 */
@Component
public class WarehouseReturns {
  private final WarehouseQueries queries;
  private final SnapshotPointers pointers;

  public WarehouseReturns(WarehouseQueries queries, SnapshotPointers pointers) {
    this.queries = requireNonNull(queries, "queries");
    this.pointers = requireNonNull(pointers, "pointers");
  }

  /**
   * Where a submission has got to in the warehouse.
   *
   * @param loadedIn the snapshot whose load first read it, empty until a load has
   * @param publishedIn the published snapshot that holds it, empty until one does
   */
  public record Progress(Optional<String> loadedIn, Optional<String> publishedIn) {
    public static final Progress NONE = new Progress(Optional.empty(), Optional.empty());
  }

  /** Whether the published figures hold a return of this authority for the quarter. */
  public boolean published(String authority, Phase phase, Quarter quarter) {
    String id = pointers.state().published();
    return id != null && !versions(id, authority, phase.number(), quarter).isEmpty();
  }

  public Progress progress(SubmissionRecord record) {
    if (record.state() != SubmissionState.SUBMITTED || record.phase() == null) {
      return Progress.NONE;
    }
    SnapshotPointers.State state = pointers.state();
    Quarter quarter = Quarter.endingOn(record.periodEnd());
    Optional<String> loaded =
        state.current() == null
            ? Optional.empty()
            : loadedSnapshot(
                versions(state.current(), record.authority(), record.phase(), quarter),
                record.id());
    Optional<String> published =
        state.published() == null
                || loadedSnapshot(
                        versions(state.published(), record.authority(), record.phase(), quarter),
                        record.id())
                    .isEmpty()
            ? Optional.empty()
            : Optional.of(state.published());
    return new Progress(loaded, published);
  }

  /**
   * The versions the current snapshot holds of an authority's return for a quarter and the quarter
   * before (what the falls and jumps compare with), as the history rules take them: received when
   * they say they were signed off, in an earlier batch than anything arriving now. Their claims are
   * not read, so an identical copy of one is not told apart from a revision (note TFQR-N02).
   */
  public List<ReturnVersion> earlierVersions(String authority, Phase phase, Quarter quarter) {
    String current = pointers.state().current();
    if (current == null) {
      return List.of();
    }
    List<ReturnVersion> versions = new ArrayList<>();
    for (Quarter q : List.of(quarter.previous(), quarter)) {
      if (!phase.covers(q)) {
        continue;
      }
      QueryResult rows = versions(current, authority, phase.number(), q);
      for (ResultRow row : rows) {
        ReturnSummary summary =
            new ReturnSummary(
                2,
                authority,
                row.text("submitted_authority_code"),
                phase,
                q,
                row.longValue("families_identified"),
                row.longValue("families_attached"),
                row.longValue("results_crime_asb_education"),
                row.longValue("results_continuous_employment"),
                row.longValue("results_progress_to_work"),
                row.longValue("results_sustained_progress"),
                row.instant("submitted_at").atOffset(ZoneOffset.UTC),
                row.text("submitted_by"),
                row.text("sro_sign_off"),
                row.text("revision_note"));
        String stem = row.text("source_stem");
        versions.add(
            new ReturnVersion(stem, stem, 0, summary, "warehouse:" + row.text("return_id")));
      }
    }
    return versions;
  }

  private QueryResult versions(String snapshot, String authority, int phase, Quarter quarter) {
    QueryArguments arguments =
        QueryArguments.of(Query.RETURN_HISTORY)
            .authority(authority)
            .phase(Phase.ofNumber(phase))
            .quarter(quarter);
    return queries.run(SnapshotSelector.byId(snapshot), arguments.query(), arguments.values());
  }

  private static Optional<String> loadedSnapshot(QueryResult versions, String submissionId) {
    for (ResultRow row : versions) {
      if (submissionId.equals(row.text("source_stem"))) {
        return Optional.ofNullable(row.text("loaded_snapshot_id"));
      }
    }
    return Optional.empty();
  }
}
