package uk.gov.tfwh.api.submission;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import uk.gov.tfwh.api.query.Arguments;
import uk.gov.tfwh.api.serving.SnapshotPointers;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;
import uk.gov.tfwh.returns.history.ReturnVersion;
import uk.gov.tfwh.returns.model.ReturnSummary;
import uk.gov.tfwh.warehouse.query.Query;
import uk.gov.tfwh.warehouse.query.QueryResult;
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
      for (int i = 0; i < rows.size(); i++) {
        ReturnSummary summary =
            new ReturnSummary(
                2,
                authority,
                rows.value(i, "submitted_authority_code", String.class),
                phase,
                q,
                rows.value(i, "families_identified", Long.class),
                rows.value(i, "families_attached", Long.class),
                rows.value(i, "results_crime_asb_education", Long.class),
                rows.value(i, "results_continuous_employment", Long.class),
                rows.value(i, "results_progress_to_work", Long.class),
                rows.value(i, "results_sustained_progress", Long.class),
                rows.value(i, "submitted_at", Instant.class).atOffset(ZoneOffset.UTC),
                rows.value(i, "submitted_by", String.class),
                rows.value(i, "sro_sign_off", String.class),
                rows.value(i, "revision_note", String.class));
        String stem = rows.value(i, "source_stem", String.class);
        versions.add(
            new ReturnVersion(
                stem, stem, 0, summary, "warehouse:" + rows.value(i, "return_id", String.class)));
      }
    }
    return versions;
  }

  private QueryResult versions(String snapshot, String authority, int phase, Quarter quarter) {
    return queries.run(
        SnapshotSelector.byId(snapshot),
        Query.RETURN_HISTORY,
        Arguments.of("authority", authority, "phase", phase, "period", quarter.end()));
  }

  private static Optional<String> loadedSnapshot(QueryResult versions, String submissionId) {
    for (int i = 0; i < versions.size(); i++) {
      if (submissionId.equals(versions.value(i, "source_stem", String.class))) {
        return Optional.ofNullable(versions.value(i, "loaded_snapshot_id", String.class));
      }
    }
    return Optional.empty();
  }
}
