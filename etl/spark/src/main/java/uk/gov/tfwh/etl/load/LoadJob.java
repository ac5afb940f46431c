package uk.gov.tfwh.etl.load;

import static java.util.Objects.requireNonNull;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import uk.gov.tfwh.etl.claims.NationalClaims;
import uk.gov.tfwh.etl.concurrent.Completions;
import uk.gov.tfwh.etl.concurrent.ThreadCpu;
import uk.gov.tfwh.etl.figures.CurrentReturns;
import uk.gov.tfwh.etl.figures.FigureQuarters;
import uk.gov.tfwh.etl.figures.LeagueTable;
import uk.gov.tfwh.etl.figures.PaymentTable;
import uk.gov.tfwh.etl.figures.Reconciliation;
import uk.gov.tfwh.etl.history.HistoryDecisions;
import uk.gov.tfwh.etl.history.VersionStatus;
import uk.gov.tfwh.etl.load.state.NextState;
import uk.gov.tfwh.etl.read.ReadReturn;
import uk.gov.tfwh.etl.read.ReturnIds;
import uk.gov.tfwh.etl.read.ReturnReading;
import uk.gov.tfwh.etl.report.LoadReport;
import uk.gov.tfwh.etl.report.ReturnCounts;
import uk.gov.tfwh.etl.report.Totals;
import uk.gov.tfwh.etl.state.LoadState;
import uk.gov.tfwh.etl.state.PreviousState;
import uk.gov.tfwh.etl.state.StateUnreadableException;
import uk.gov.tfwh.etl.table.ClaimPartitions;
import uk.gov.tfwh.etl.table.DimensionTables;
import uk.gov.tfwh.etl.table.FindingRows;
import uk.gov.tfwh.etl.table.ReturnRows;
import uk.gov.tfwh.etl.table.WarehouseTables;
import uk.gov.tfwh.programme.reference.ReferenceData;
import uk.gov.tfwh.programme.reference.ReferenceDataLoader;
import uk.gov.tfwh.programme.reference.SubmissionWindows;
import uk.gov.tfwh.programme.reference.SubmissionWindowsLoader;
import uk.gov.tfwh.returns.landing.SubmissionSidecars;
import uk.gov.tfwh.returns.model.Finding;
import uk.gov.tfwh.returns.model.ReturnIdentity;
import uk.gov.tfwh.returns.model.ReturnSource;
import uk.gov.tfwh.returns.model.Severity;
import uk.gov.tfwh.returns.read.FileChecksums;
import uk.gov.tfwh.returns.read.LandingFolder;
import uk.gov.tfwh.returns.read.LandingListing;
import uk.gov.tfwh.returns.read.LandingScan;
import uk.gov.tfwh.returns.read.ReadLimits;
import uk.gov.tfwh.returns.read.ReturnReader;
import uk.gov.tfwh.warehouse.snapshot.SnapshotManifest;
import uk.gov.tfwh.warehouse.snapshot.SnapshotManifest.TableStats;
import uk.gov.tfwh.warehouse.snapshot.SnapshotStore;
import uk.gov.tfwh.warehouse.snapshot.StagedSnapshot;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/**
 * The load: scans the landing folder (the whole history of returns), reads what is new on the
 * executors and reuses what the previous snapshot already read, applies the history and national
 * claim rules, computes payments and the league table, and writes every warehouse table into a new
 * snapshot that becomes current only once it is complete.
 */
public final class LoadJob {
  private final Supplier<SparkSession> spark;
  private final Consumer<String> progress;

  public LoadJob(SparkSession spark, Consumer<String> progress) {
    this(() -> spark, progress);
    requireNonNull(spark, "spark");
  }

  /**
   * @param spark gives the session when the load first needs it; a session still starting (see
   *     {@link uk.gov.tfwh.etl.spark.BackgroundSparkSession}) is waited for only then, so the work
   *     that needs no Spark (reference set, scan, the previous load's state) overlaps its start
   */
  public LoadJob(Supplier<SparkSession> spark, Consumer<String> progress) {
    this.spark = requireNonNull(spark, "spark");
    this.progress = requireNonNull(progress, "progress");
  }

  /**
   * The report and the tables of a built (not yet committed) snapshot, and the landing files of
   * returns that changed while they were read (left for the next load).
   */
  private record Built(LoadReport report, Map<String, TableStats> tables, Set<String> deferred) {}

  /**
   * Runs the load under the warehouse's writer lock, which the target holds from its opening to its
   * closing, so a second load or a publish on the same warehouse is refused with a message naming
   * this one instead of interleaving with it.
   */
  public LoadResult run(LoadRequest request) {
    StageClock clock = new StageClock(progress);
    // The landing folder's listing and a look at each file need nothing else: on its own thread
    // from the start, it uses the core the opening leaves idle (on a long history it is thousands
    // of system calls, which would otherwise be on the way to the read).
    CompletableFuture<LandingListing> listing =
        Completions.onOwnThread(
            "tfwh-landing-look", () -> LandingFolder.look(request.landingDir()));
    // Opening takes the writer lock and, on the Iceberg store, makes the refs agree with the
    // release rows (Repair): timed, as it reads every retained release's tables, and said only
    // once done, so that the load's first line still comes after the lock is held.
    try (LoadTarget target =
        clock.timeSayingAfter(
            "open", () -> LoadTarget.open(request, progress), t -> "writer lock held")) {
      return run(request, target, clock, listing);
    } finally {
      Completions.awaitQuietly(listing);
    }
  }

  private LoadResult run(
      LoadRequest request,
      LoadTarget target,
      StageClock clock,
      CompletableFuture<LandingListing> listing) {
    Gathered g = gather(request, target, clock, listing, Instant.now());
    Optional<SnapshotManifest> parent = g.parent();
    if (parent.isPresent() && parent.get().inputsDigest().equals(g.inputs().digest())) {
      progress.accept(
          "nothing new: the landing folder and reference set are those of the current snapshot "
              + parent.get().id());
      return new LoadResult(true, parent.get().id(), null, List.of());
    }
    String snapshotId = SnapshotStore.newSnapshotId(g.startedAt(), g.inputs().digest());
    StagedSnapshot staged = target.stage(snapshotId);
    try {
      Built built = build(g, staged);
      clock.time(
          "commit",
          () -> {
            target.commit(staged, manifest(snapshotId, g, built), built.report());
            return snapshotId;
          },
          id -> "snapshot " + id + " is current");
      // What the API calls snapshots: releases on the Iceberg store, whose own line above counts
      // the tables' Iceberg snapshots apart.
      String kept = request.catalog().isPresent() ? "releases" : "snapshots";
      List<String> deleted =
          clock.time(
              "retention",
              () -> target.retain(request.retain()),
              d -> d.size() + " old " + kept + " removed");
      if (!deleted.isEmpty()) {
        progress.accept("retention: removed old " + kept + " " + String.join(", ", deleted));
      }
      return new LoadResult(false, snapshotId, built.report(), deleted);
    } catch (RuntimeException e) {
      target.abort(staged);
      throw target.explain(e);
    } catch (Error e) {
      target.abort(staged);
      throw e;
    }
  }

  /**
   * The stages that need no Spark: the reference set, the landing scan (hashing only files whose
   * stamp changed) and, on its own thread, the previous snapshot's state.
   */
  private Gathered gather(
      LoadRequest request,
      LoadTarget target,
      StageClock clock,
      CompletableFuture<LandingListing> listing,
      Instant startedAt) {
    Optional<SnapshotManifest> parent =
        clock.time(
            "parent",
            target::parent,
            p -> p.map(m -> "manifest of " + m.id()).orElse("no previous release"));
    Optional<Path> parentDir = target.parentDir();
    PreviousState previous = target.previous();
    // The landing checksums are on the critical path (the scan waits for them): read first, while
    // the reference set loads. The thousands of returns, needed only once the new ones are read,
    // are read after them, so the two reads do not share the cores while the scan waits.
    CompletableFuture<List<FileChecksums.Stamp>> remembered =
        Completions.onOwnThread(
            "tfwh-checksums-reader",
            () ->
                rememberedOrNone(
                    previous::checksums,
                    List.<FileChecksums.Stamp>of(),
                    "landing checksums",
                    "every landing file is hashed again"));
    ThreadCpu stateCpu = new ThreadCpu();
    CompletableFuture<Optional<LoadState>> parentState =
        remembered
            .handle((stamps, failure) -> failure)
            .thenCompose(
                done ->
                    Completions.onOwnThread(
                        "tfwh-state-reader", stateCpu.measuring(previous::returns)));
    ReferenceData reference =
        clock.time(
            "reference",
            () -> ReferenceDataLoader.load(request.referenceDir()),
            r -> "set " + r.version() + ", " + r.authorities().size() + " authorities");
    LandingListing looked =
        clock.time(
            "look",
            () -> Completions.join(listing),
            l -> l.entries() + " landing entries listed and looked at, on their own thread");
    FileChecksums checksums =
        FileChecksums.remembering(Completions.join(remembered), looked.lookedAt());
    LandingScan scan =
        clock.time(
            "scan",
            () -> LandingFolder.scan(looked, checksums),
            s ->
                s.returns().size()
                    + " returns, "
                    + s.findings().size()
                    + " other files; "
                    + checksums.reused()
                    + " files known unchanged by their stamp");
    LoadInputs inputs =
        clock.time(
            "inputs",
            () -> LoadInputs.of(scan, request.referenceDir(), parent, startedAt),
            i -> i.landingFiles().size() + " landing files digested");
    return new Gathered(
        target,
        request,
        reference,
        scan,
        checksums,
        inputs,
        parent,
        parentDir,
        previous,
        parentState,
        stateCpu,
        clock,
        startedAt);
  }

  /** The new snapshot's manifest; returns left for the next load are not among its inputs. */
  private static SnapshotManifest manifest(String snapshotId, Gathered g, Built built) {
    LoadInputs loaded = g.inputs().without(built.deferred());
    return new SnapshotManifest(
        snapshotId,
        g.startedAt(),
        g.parent().map(SnapshotManifest::id).orElse(null),
        g.reference().version(),
        loaded.digest(),
        loaded.landingFiles(),
        built.tables());
  }

  /**
   * What a load has gathered before it builds a snapshot (the request, the reference set, the
   * landing scan and what the previous snapshot left), handed on to every stage after it.
   */
  private record Gathered(
      LoadTarget target,
      LoadRequest request,
      ReferenceData reference,
      LandingScan scan,
      FileChecksums checksums,
      LoadInputs inputs,
      Optional<SnapshotManifest> parent,
      Optional<Path> parentDir,
      PreviousState previous,
      CompletableFuture<Optional<LoadState>> parentState,
      ThreadCpu stateCpu,
      StageClock clock,
      Instant startedAt) {}

  private Built build(Gathered g, StagedSnapshot staged) {
    StageClock clock = g.clock();
    // The previous release's state is read on its own thread from the start of the load: this is
    // the wait for it, if any.
    Optional<LoadState> reusableState =
        clock.time(
            "state",
            () -> reusableState(g),
            s ->
                s.map(state -> state.returns().size() + " returns known")
                        .orElse("no reusable state")
                    + stateCpuNote(g.stateCpu()));
    LoadState prior = reusableState.orElse(new LoadState(g.inputs().referenceDigest(), List.of()));
    // The time the load waits for a session still starting; what it did meanwhile needed none.
    clock.time(
        "spark",
        spark::get,
        s -> "session " + s.version() + ", master " + s.sparkContext().master());
    NextState next = g.target().next(spark.get(), staged);
    ReturnReading.Outcome reading =
        clock.time(
            "read",
            () ->
                readReturns(
                    g.request(), g.reference(), g.scan(), prior, next, staged, g.startedAt()),
            r -> r.read().size() + " returns");
    Set<String> deferred = deferred(reading);
    Judged judged = judge(reading.read(), clock);
    Map<String, Boolean> reusedIds = new HashMap<>();
    prior.returns().forEach(r -> reusedIds.put(r.returnId(), true));
    List<ReturnCounts> counts =
        clock.time("count", () -> counts(judged, reusedIds), c -> c.size() + " returns");
    Totals totals = Totals.of(counts, g.scan().findings().size());
    Map<String, TableStats> written =
        clock.time(
            "write",
            () ->
                writeTablesAndState(
                    g, judged, reading.read(), reusableState.isPresent(), prior, next, staged),
            w -> w.size() + " tables");
    checkRowAccounting(written, totals);
    LoadReport report = report(g, staged, written, judged, totals, counts);
    return new Built(report, written, deferred);
  }

  /** The CPU the state's decoding took on its own thread, which the wait alone does not show. */
  private static String stateCpuNote(ThreadCpu cpu) {
    long millis = cpu.millis();
    return millis < 0 ? "" : ", decoded in " + millis + " ms of CPU on its own thread";
  }

  /** The previous release's state, when it can be read and was made with this reference set. */
  private Optional<LoadState> reusableState(Gathered g) {
    return rememberedOrNone(
            () -> Completions.join(g.parentState()),
            Optional.<LoadState>empty(),
            "state",
            "every return is read again")
        .filter(state -> state.referenceDigest().equals(g.inputs().referenceDigest()));
  }

  /** The landing files of returns that changed while they were read: left for the next load. */
  private Set<String> deferred(ReturnReading.Outcome reading) {
    Set<String> deferred = new TreeSet<>();
    for (ReturnSource changed : reading.changedWhileRead()) {
      changed.files().forEach(f -> deferred.add(f.name()));
    }
    if (!deferred.isEmpty()) {
      progress.accept(
          "  "
              + reading.changedWhileRead().size()
              + " returns changed while they were read and are left for the next load: "
              + String.join(", ", deferred));
    }
    return deferred;
  }

  private Map<String, TableStats> writeTablesAndState(
      Gathered g,
      Judged judged,
      List<ReadReturn> returns,
      boolean priorReusable,
      LoadState prior,
      NextState next,
      StagedSnapshot staged) {
    // What the previous snapshot wrote may be carried over only when it used the same reference
    // set.
    Optional<Path> reusableParent = priorReusable ? g.parentDir() : Optional.empty();
    // Writing the state is driver work that grows with the history; the table writes mostly wait
    // on Spark jobs, so the two overlap.
    CompletableFuture<Void> stateWritten =
        Completions.onOwnThread(
            "tfwh-state-writer",
            () -> {
              long start = System.nanoTime();
              next.writeReturns(
                  new LoadState(g.inputs().referenceDigest(), returns), prior, priorReusable);
              next.writeChecksums(g.checksums());
              progress.accept(
                  "  state of the returns and landing files written in "
                      + StageClock.millisSince(start)
                      + " ms, beside the tables");
              return null;
            });
    Map<String, TableStats> written = new TreeMap<>();
    try {
      writeTables(
          g.request(),
          g.reference(),
          g.scan(),
          judged,
          staged,
          reusableParent,
          g.target().tables(spark.get(), staged, reusableParent),
          priorReusable ? g.previous().claimPartitions() : Map.of(),
          prior.returns(),
          next,
          written);
    } catch (RuntimeException | Error e) {
      Completions.awaitQuietly(stateWritten);
      throw e;
    }
    Completions.join(stateWritten);
    long start = System.nanoTime();
    next.finish();
    progress.accept("  state committed in " + StageClock.millisSince(start) + " ms");
    return written;
  }

  /** Every accepted return and claim row is in the tables, or the load fails before commit. */
  private static void checkRowAccounting(Map<String, TableStats> written, Totals totals) {
    long claimRows = written.get(WarehouseTable.FACT_CLAIM.tableName()).rows();
    if (claimRows != totals.claimRowsAccepted()
        || written.get(WarehouseTable.FACT_RETURN.tableName()).rows() != totals.returnsAccepted()) {
      throw new IllegalStateException(
          "row accounting failed: fact_claim has "
              + claimRows
              + " rows for "
              + totals.claimRowsAccepted()
              + " accepted claim rows; fact_return "
              + written.get(WarehouseTable.FACT_RETURN.tableName()).rows()
              + " for "
              + totals.returnsAccepted()
              + " accepted returns");
    }
  }

  /** The load report, written into the staged snapshot beside its tables. */
  private static LoadReport report(
      Gathered g,
      StagedSnapshot staged,
      Map<String, TableStats> written,
      Judged judged,
      Totals totals,
      List<ReturnCounts> counts) {
    Map<String, Long> tableRows = new TreeMap<>();
    written.forEach((table, stats) -> tableRows.put(table, stats.rows()));
    Map<String, Long> byRule = new TreeMap<>();
    allFindings(g.scan(), judged).forEach(f -> byRule.merge(f.ruleId(), 1L, Long::sum));
    LoadReport report =
        new LoadReport(
            staged.id(),
            g.parent().map(SnapshotManifest::id).orElse(null),
            g.startedAt(),
            g.reference().version(),
            totals,
            g.clock().millis(),
            new TreeMap<>(byRule),
            new TreeMap<>(tableRows),
            counts);
    return report;
  }

  /**
   * What the previous load remembered (its state, its landing checksums) saves work and is never a
   * source of figures, so when it cannot be read (a damaged file) the load says so and does the
   * work again, which gives the same snapshot, rather than failing every load until someone repairs
   * an immutable snapshot.
   */
  private <T> T rememberedOrNone(Supplier<T> read, T none, String what, String instead) {
    try {
      return read.get();
    } catch (UncheckedIOException | StateUnreadableException e) {
      progress.accept(
          "  the previous load's " + what + " cannot be read (" + e.getMessage() + "): " + instead);
      return none;
    }
  }

  private ReturnReading.Outcome readReturns(
      LoadRequest request,
      ReferenceData reference,
      LandingScan scan,
      LoadState prior,
      NextState next,
      StagedSnapshot staged,
      Instant receivedAt) {
    Map<String, ReadReturn> known = new HashMap<>();
    // A return whose files are those an earlier load read (same names, sizes and checksums) is
    // found by them, without hashing them again into its id: thousands of returns on a long
    // history, against the few a new quarter brings. Any other is looked up by its id, as before.
    Map<ReturnSource, ReadReturn> knownSources = new HashMap<>();
    prior
        .returns()
        .forEach(
            r -> {
              known.put(r.returnId(), r);
              knownSources.put(r.source(), r);
            });
    SubmissionSidecars sidecars = SubmissionSidecars.in(request.submissionsDir());
    List<ReadReturn> reused = new ArrayList<>();
    List<ReturnReading.Pending> pending = new ArrayList<>();
    for (ReturnSource source : scan.returns()) {
      ReadReturn earlier = knownSources.get(source);
      String id = earlier != null ? earlier.returnId() : ReturnIds.of(source);
      if (earlier == null) {
        earlier = known.get(id);
      }
      if (earlier != null) {
        reused.add(earlier);
      } else {
        pending.add(new ReturnReading.Pending(source, id, sidecars.provenanceOf(source)));
      }
    }
    long batch = prior.returns().stream().mapToLong(ReadReturn::batch).max().orElse(-1) + 1;
    progress.accept(
        "  reading "
            + pending.size()
            + " new returns on the executors; reusing "
            + reused.size()
            + " read by earlier loads");
    TreeSet<Long> reusedBatches = new TreeSet<>();
    reused.forEach(r -> reusedBatches.add(r.batch()));
    next.keepClaims(reusedBatches);
    ReturnReader reader = new ReturnReader(reference, ReadLimits.defaults());
    ReturnReading.Outcome fresh =
        ReturnReading.read(
            next.spark(),
            reader,
            request.landingDir(),
            request.landingObjects(),
            pending,
            batch,
            receivedAt,
            staged.id(),
            claims -> next.writeClaims(batch, claims));
    List<ReadReturn> all = new ArrayList<>(reused);
    all.addAll(fresh.read());
    return new ReturnReading.Outcome(all, fresh.changedWhileRead());
  }

  private Judged judge(List<ReadReturn> returns, StageClock clock) {
    HistoryDecisions history =
        clock.time("history", () -> HistoryDecisions.decide(returns), h -> "decided");
    List<ReadReturn> currentList =
        returns.stream()
            .filter(r -> r.accepted() && history.status(r.returnId()) == VersionStatus.CURRENT)
            .toList();
    NationalClaims.Outcome national =
        clock.time(
            "national claims",
            () -> NationalClaims.check(currentList),
            o -> o.refused().size() + " claims refused");
    CurrentReturns current = CurrentReturns.of(currentList);
    Map<String, List<Finding>> reconciliation =
        clock.time(
            "reconcile",
            () -> Reconciliation.check(current, national.acceptedCounts()),
            r -> r.size() + " returns do not reconcile");
    return new Judged(returns, history, national, reconciliation, current);
  }

  private List<ReturnCounts> counts(Judged judged, Map<String, Boolean> reusedIds) {
    Map<String, Integer> refused = new HashMap<>();
    judged.national().refused().forEach(r -> refused.merge(r.returnId(), 1, Integer::sum));
    List<ReturnCounts> counts = new ArrayList<>();
    for (ReadReturn read : judged.returns()) {
      VersionStatus status = judged.history().status(read.returnId());
      List<Finding> findings = findingsOf(read, judged);
      long accepted =
          switch (status) {
            case CURRENT ->
                read.claimRowsAcceptedOnRead() - refused.getOrDefault(read.returnId(), 0);
            case SUPERSEDED -> read.claimRowsAcceptedOnRead();
            case REJECTED, STALE, IDENTICAL_COPY -> 0;
          };
      // One pass over the findings and plain loops: this runs for every return of the history on
      // every load, on the load's short-lived JVM, where a stream pipeline per count costs more
      // than the counting.
      int warnings = 0;
      int notes = 0;
      TreeSet<String> rules = new TreeSet<>();
      for (Finding finding : findings) {
        if (finding.severity() == Severity.WARNING) {
          warnings++;
        } else if (finding.severity() == Severity.NOTE) {
          notes++;
        }
        rules.add(finding.ruleId());
      }
      List<String> files = new ArrayList<>(read.source().files().size());
      read.source().files().forEach(file -> files.add(file.name()));
      counts.add(
          new ReturnCounts(
              read.returnId(),
              read.source().stem(),
              files,
              read.source().format().name(),
              status.name(),
              reusedIds.containsKey(read.returnId()),
              read.identity().authorityCode(),
              read.identity().phase(),
              read.identity().periodEnd(),
              read.claimRowsRead(),
              accepted,
              read.claimRowsRead() - accepted,
              warnings,
              notes,
              List.copyOf(rules)));
    }
    return counts;
  }

  /** Every finding about one return: its own, the history's, the national check's, W01. */
  private static List<Finding> findingsOf(ReadReturn read, Judged judged) {
    List<Finding> all = new ArrayList<>(read.findings());
    all.addAll(judged.history().findings(read.returnId()));
    all.addAll(judged.national().findingsByReturn().getOrDefault(read.returnId(), List.of()));
    all.addAll(judged.reconciliation().getOrDefault(read.returnId(), List.of()));
    return all;
  }

  private static List<Finding> allFindings(LandingScan scan, Judged judged) {
    List<Finding> all = new ArrayList<>(scan.findings());
    judged.returns().forEach(read -> all.addAll(findingsOf(read, judged)));
    return all;
  }

  private void writeTables(
      LoadRequest request,
      ReferenceData reference,
      LandingScan scan,
      Judged judged,
      StagedSnapshot staged,
      Optional<Path> reusableParent,
      WarehouseTables tables,
      Map<LocalDate, ClaimPartitions.Partition> earlierQuarters,
      List<ReadReturn> previousReturns,
      NextState next,
      Map<String, TableStats> written) {
    // fact_return's quarters whose versions are the previous release's are kept without their
    // rows being built or digested again: a new quarter's load then costs the same on any history.
    // The previous returns are none when its state was not reusable (another reference set).
    Set<String> unchangedReturnQuarters =
        ReturnRows.unchangedQuarters(previousReturns, judged.returns());
    Set<String> keptReturnQuarters =
        tables.keptQuarters(WarehouseTable.FACT_RETURN, ReturnRows.FORMAT, unchangedReturnQuarters);
    ClaimTableWriter.ClaimQuarters claimQuarters =
        ClaimTableWriter.ClaimQuarters.of(judged, earlierQuarters);
    // Payments and the league table look back over a phase: kept only before the earliest quarter
    // whose versions or national refusals changed.
    Set<String> unchangedFigureQuarters =
        FigureQuarters.unchanged(
            previousReturns,
            judged.returns(),
            unchangedReturnQuarters,
            claimQuarters.carriedKeys());
    Set<String> keptPaymentQuarters =
        tables.keptQuarters(
            WarehouseTable.FACT_PAYMENT, PaymentTable.FORMAT, unchangedFigureQuarters);
    Set<String> keptLeagueQuarters =
        tables.keptQuarters(
            WarehouseTable.AGG_AUTHORITY_QUARTER, LeagueTable.FORMAT, unchangedFigureQuarters);
    FactRows facts = factRows(request, scan, judged, staged.id(), keptReturnQuarters);
    List<Row> returnRows = facts.returns();
    FindingRows findingRows = facts.findings();
    // Longest first: fact_claim is the only table that reads Parquet back.
    Map<WarehouseTable, Supplier<TableStats>> writes = new LinkedHashMap<>();
    writes.put(
        WarehouseTable.FACT_CLAIM,
        () ->
            new ClaimTableWriter(tables::spark, progress)
                .write(judged, claimQuarters, earlierQuarters, next, tables.claims()));
    writes.put(
        WarehouseTable.FACT_RETURN,
        () ->
            tables.write(
                WarehouseTable.FACT_RETURN, ReturnRows.FORMAT, keptReturnQuarters, returnRows));
    writes.put(
        WarehouseTable.FACT_FINDING,
        () -> tables.write(WarehouseTable.FACT_FINDING, findingRows.rows()));
    writes.put(
        WarehouseTable.FACT_PAYMENT,
        () ->
            tables.write(
                WarehouseTable.FACT_PAYMENT,
                PaymentTable.FORMAT,
                keptPaymentQuarters,
                PaymentTable.rows(
                    reference,
                    judged.current(),
                    judged.national().acceptedCounts(),
                    keptPaymentQuarters)));
    writes.put(
        WarehouseTable.AGG_AUTHORITY_QUARTER,
        () ->
            tables.write(
                WarehouseTable.AGG_AUTHORITY_QUARTER,
                LeagueTable.FORMAT,
                keptLeagueQuarters,
                LeagueTable.rows(reference, judged.current(), keptLeagueQuarters)));
    writes.putAll(dimensionWrites(request, reference, tables));
    TableWrites.runAll(writes, progress).forEach((table, stats) -> put(written, table, stats));
  }

  /** The rows of fact_return and fact_finding, worked out on the driver before any write. */
  private record FactRows(List<Row> returns, FindingRows findings) {}

  /**
   * A row per loaded return version (but those of kept quarters), and a finding row per finding:
   * the landing folder's, each return's own, and those the history, the national claim check and
   * the reconciliation made.
   */
  private static FactRows factRows(
      LoadRequest request,
      LandingScan scan,
      Judged judged,
      String snapshotId,
      Set<String> keptReturnQuarters) {
    Optional<SubmissionWindows> windows =
        SubmissionWindowsLoader.loadIfPresent(request.referenceDir());
    List<Row> returnRows = new ArrayList<>();
    FindingRows findingRows = new FindingRows();
    for (Finding finding : scan.findings()) {
      findingRows.add(finding, snapshotId, finding.file(), ReturnIdentity.UNKNOWN, null);
    }
    for (ReadReturn read : judged.returns()) {
      VersionStatus status = judged.history().status(read.returnId());
      String loadedId = status.loaded() ? read.returnId() : null;
      if (status.loaded() && !keptReturnQuarters.contains(ReturnRows.quarterOf(read))) {
        returnRows.add(
            ReturnRows.of(read, judged.history().decision(read.returnId()).orElseThrow(), windows));
      }
      ReturnIdentity identity = read.identity();
      for (Finding finding : read.findings()) {
        findingRows.add(finding, read.loadedSnapshotId(), read.source().stem(), identity, loadedId);
      }
      List<Finding> derived = new ArrayList<>(judged.history().findings(read.returnId()));
      derived.addAll(judged.national().findingsByReturn().getOrDefault(read.returnId(), List.of()));
      derived.addAll(judged.reconciliation().getOrDefault(read.returnId(), List.of()));
      for (Finding finding : derived) {
        findingRows.add(finding, snapshotId, read.source().stem(), identity, loadedId);
      }
    }
    return new FactRows(returnRows, findingRows);
  }

  /** The dimension tables' writes, each kept from the previous release where it may be. */
  private static Map<WarehouseTable, Supplier<TableStats>> dimensionWrites(
      LoadRequest request, ReferenceData reference, WarehouseTables tables) {
    Map<WarehouseTable, Supplier<TableStats>> writes = new LinkedHashMap<>();
    writes.put(
        WarehouseTable.DIM_AUTHORITY,
        () ->
            tables.dimension(
                WarehouseTable.DIM_AUTHORITY, () -> DimensionTables.authorities(reference)));
    writes.put(
        WarehouseTable.DIM_PERIOD,
        () -> tables.dimension(WarehouseTable.DIM_PERIOD, DimensionTables::periods));
    writes.put(
        WarehouseTable.DIM_TARGET,
        () ->
            tables.dimension(WarehouseTable.DIM_TARGET, () -> DimensionTables.targets(reference)));
    writes.put(
        WarehouseTable.DIM_NEIGHBOUR,
        () ->
            tables.dimension(
                WarehouseTable.DIM_NEIGHBOUR,
                () -> DimensionTables.neighbours(request.referenceDir(), reference)));
    return writes;
  }

  private static void put(Map<String, TableStats> written, WarehouseTable table, TableStats stats) {
    written.put(table.tableName(), stats);
  }
}
