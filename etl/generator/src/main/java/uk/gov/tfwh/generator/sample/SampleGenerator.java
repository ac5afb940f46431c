package uk.gov.tfwh.generator.sample;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.Stream;
import uk.gov.tfwh.generator.document.ClaimRow;
import uk.gov.tfwh.generator.document.FileStyle;
import uk.gov.tfwh.generator.document.ReturnDocument;
import uk.gov.tfwh.generator.document.ReturnFormat;
import uk.gov.tfwh.generator.document.SummaryRow;
import uk.gov.tfwh.generator.document.Table;
import uk.gov.tfwh.generator.fault.BrokenClaims;
import uk.gov.tfwh.generator.fault.BrokenReturns;
import uk.gov.tfwh.generator.fault.FaultKind;
import uk.gov.tfwh.generator.fault.FaultRecord;
import uk.gov.tfwh.generator.manifest.NationalTotals;
import uk.gov.tfwh.generator.plan.AuthorityProfile;
import uk.gov.tfwh.generator.plan.Curve;
import uk.gov.tfwh.generator.plan.NationalCalibration;
import uk.gov.tfwh.generator.plan.NationalFit;
import uk.gov.tfwh.generator.plan.PlannedFigures;
import uk.gov.tfwh.generator.plan.Trajectory;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;
import uk.gov.tfwh.programme.reference.Authority;
import uk.gov.tfwh.programme.reference.ReferenceData;
import uk.gov.tfwh.programme.reference.ReferenceDataLoader;

/**
 * Writes the sample landing folder: every authority's TFQR-1 returns for both phases, some of them
 * resubmitted, about one in five as a workbook, with broken returns and claim rows mixed in at the
 * fault rate, then {@code fault-manifest.json} and {@code generation-manifest.json}.
 *
 * <p>Everything random comes from the seed through independent streams per authority and purpose,
 * and files are written in a fixed order with fixed content, so a seed always gives the same bytes.
 */
public final class SampleGenerator {
  public static final String FAULT_MANIFEST = "fault-manifest.json";
  public static final String GENERATION_MANIFEST = "generation-manifest.json";

  /** Share of returns sent as workbooks (the contract's users: about 1 in 5). */
  static final double XLSX_SHARE = 0.2;

  /** Share of returns later revised by a resubmission. */
  static final double RESUBMISSION_SHARE = 0.03;

  /** Share of returns whose senior officer's name is hostile text (a formula, a command). */
  static final double HOSTILE_SHARE = 0.002;

  /** GSS codes changed on 1 April 2013 (Gateshead, Northumberland): earlier returns use the old. */
  static final LocalDate RECODED_ON = LocalDate.of(2013, 4, 1);

  /** Claim row faults go into phase 2 returns of these years, which always carry claims. */
  private static final Quarter ROW_FAULTS_FROM = Quarter.of(2016, 1);

  private static final Quarter ROW_FAULTS_TO = Quarter.of(2019, 4);

  private static final List<String> HOSTILE =
      List.of(
          "=HYPERLINK(\"http://example.invalid/x\",\"click\")",
          "+cmd|' /C calc'!A0",
          "@SUM(1+1)*cmd|' /C calc'!A0",
          "-2+3+cmd|' /C calc'!A0",
          "<script>alert('sro')</script>");

  private static final List<String> REVISION_NOTES =
      List.of(
          "Revised after internal audit: results recorded late added",
          "Corrected figures: case management system export re-run after data cleansing",
          "Resubmitted: outcomes verified by the troubled families team after the deadline",
          "Revised return, families attached updated from partner agencies' data");

  private final Consumer<String> progress;

  /**
   * @param progress receives a line now and then as the generation advances
   */
  public SampleGenerator(Consumer<String> progress) {
    this.progress = requireNonNull(progress, "progress");
  }

  /** One return slot: an authority's quarter of a phase. */
  private record Slot(int authority, Phase phase, int index) {}

  /** How one slot is sent. */
  private record SlotPlan(boolean xlsx, boolean resubmitted) {}

  /** Everything about one authority that is decided before writing. */
  private record AuthorityPlan(
      int index,
      Authority authority,
      AuthorityProfile profile,
      Map<Phase, List<PlannedFigures>> series) {}

  public GenerationResult generate(GenerationOptions options) throws IOException {
    long started = System.nanoTime();
    ReferenceData reference = ReferenceDataLoader.load(options.reference());
    Path out = options.out();
    prepare(out);
    long seed = options.seed();
    List<AuthorityPlan> plans = plan(reference, seed, options.scale());
    Map<Slot, SlotPlan> slotPlans = new HashMap<>();
    List<Slot> slots = new ArrayList<>();
    SplittableRandom planRandom = new SplittableRandom(Mix.seed(seed, -1, 2));
    for (AuthorityPlan plan : plans) {
      for (Phase phase : Phase.values()) {
        for (int k = 0; k < plan.series().get(phase).size(); k++) {
          Slot slot = new Slot(plan.index(), phase, k);
          slots.add(slot);
          slotPlans.put(
              slot,
              new SlotPlan(
                  planRandom.nextDouble() < XLSX_SHARE,
                  planRandom.nextDouble() < RESUBMISSION_SHARE));
        }
      }
    }
    Map<Slot, List<FaultKind>> faultsAt =
        placeFaults(slots, slotPlans, plans, options.faultRate(), seed);

    Writer writer = new Writer(out, reference, new FamilyRefs(seed), slotPlans, faultsAt);
    for (AuthorityPlan plan : plans) {
      writer.authority(plan, seed);
      if ((plan.index() + 1) % 19 == 0 || plan.index() == plans.size() - 1) {
        progress.accept(
            String.format(
                Locale.ROOT,
                "generate: %d/%d authorities, %,d returns, %,d claim rows, %,d faults (%.1f s)",
                plan.index() + 1,
                plans.size(),
                writer.counts.get("returns"),
                writer.counts.get("claim_rows"),
                writer.faults.size(),
                (System.nanoTime() - started) / 1e9));
      }
    }
    if (!writer.pendingRowFaults.isEmpty()) {
      throw new IllegalStateException(
          "claim row faults found no return to go into: " + writer.pendingRowFaults);
    }

    Map<String, Object> counts = new LinkedHashMap<>();
    counts.put("authorities", (long) plans.size());
    counts.putAll(writer.counts);
    counts.put("faults", (long) writer.faults.size());
    List<Map<String, Object>> totals = writer.totals.rows();

    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("generator", "tfwh-generator");
    manifest.put("template", "TFQR-1");
    manifest.put("seed", seed);
    manifest.put("scale", options.scale());
    manifest.put("fault_rate", options.faultRate());
    manifest.put("reference_version", reference.version());
    manifest.put(
        "note",
        "counts and national_totals describe the valid returns; national_totals sum each"
            + " authority's current (latest submitted) valid return per phase and period_end, which"
            + " is what the loader should accept. Broken returns and claim rows are listed in "
            + FAULT_MANIFEST
            + ".");
    manifest.put("counts", counts);
    manifest.put("hostile_text_files", writer.hostileFiles);
    manifest.put("national_totals", totals);
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    Files.write(out.resolve(GENERATION_MANIFEST), json.writeValueAsBytes(manifest));
    Map<String, Object> faultManifest = new LinkedHashMap<>();
    faultManifest.put("seed", seed);
    faultManifest.put("fault_rate", options.faultRate());
    faultManifest.put("faults", writer.faults);
    Files.write(out.resolve(FAULT_MANIFEST), json.writeValueAsBytes(faultManifest));
    return new GenerationResult(counts, totals, writer.faults);
  }

  /** Creates the folder, or clears the returns and manifests an earlier generation left in it. */
  private void prepare(Path out) throws IOException {
    Files.createDirectories(out);
    int removed = 0;
    try (Stream<Path> entries = Files.list(out)) {
      for (Path entry : entries.toList()) {
        String name = entry.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean ours =
            name.endsWith(".csv")
                || name.endsWith(".xlsx")
                || name.equals(FAULT_MANIFEST)
                || name.equals(GENERATION_MANIFEST);
        if (ours && Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
          Files.delete(entry);
          removed++;
        }
      }
    }
    if (removed > 0) {
      progress.accept("generate: removed " + removed + " files of an earlier generation in " + out);
    }
  }

  private static List<AuthorityPlan> plan(ReferenceData reference, long seed, double scale) {
    List<Authority> authorities = new ArrayList<>(reference.authorities());
    authorities.sort(Comparator.comparing(Authority::code));
    // About a third of authorities started phase 2 early (from the quarter ending 2014-09-30).
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < authorities.size(); i++) {
      order.add(i);
    }
    Collections.shuffle(order, new Random(Mix.seed(seed, -1, 1)));
    Set<Integer> early = new HashSet<>(order.subList(0, Math.round(authorities.size() / 3.0f)));
    List<AuthorityProfile> profiles = new ArrayList<>();
    double[] baseOne = new double[authorities.size()];
    double[] baseTwo = new double[authorities.size()];
    double sumOne = 0;
    double sumTwo = 0;
    for (int i = 0; i < authorities.size(); i++) {
      Authority authority = authorities.get(i);
      profiles.add(
          AuthorityProfile.draw(
              authority, early.contains(i), new SplittableRandom(Mix.seed(seed, i, 1))));
      baseOne[i] = target(reference, authority, Phase.ONE) * scale;
      baseTwo[i] = target(reference, authority, Phase.TWO) * scale;
      sumOne += baseOne[i];
      sumTwo += baseTwo[i];
    }
    // The curves are national figures for the published targets (117,910 and 400,000 families).
    double one =
        sumOne
            / NationalCalibration.P1_ATTACHED.valueAt(
                NationalCalibration.P1_ATTACHED.quarters() - 1);
    double two =
        sumTwo
            / NationalCalibration.P2_ATTACHED.valueAt(
                NationalCalibration.P2_ATTACHED.quarters() - 1);
    List<Curve> curvesOne =
        List.of(
            NationalCalibration.P1_IDENTIFIED,
            NationalCalibration.P1_ATTACHED,
            NationalCalibration.P1_CRIME_ASB_EDUCATION,
            NationalCalibration.P1_CONTINUOUS_EMPLOYMENT,
            NationalCalibration.P1_PROGRESS_TO_WORK);
    NationalFit fitOne =
        NationalFit.fit(
            Phase.ONE,
            authorities.size(),
            (a, fit) -> Trajectory.phaseOne(profiles.get(a), baseOne[a], fit),
            (f, k) -> curvesOne.get(f).valueAt(k) * one);
    NationalFit fitTwo =
        NationalFit.fit(
            Phase.TWO,
            authorities.size(),
            (a, fit) -> Trajectory.phaseTwoAllQuarters(profiles.get(a), baseTwo[a], fit),
            (f, k) ->
                switch (f) {
                  case 1 -> NationalCalibration.P2_ATTACHED.valueAt(k) * two;
                  case 2 -> NationalCalibration.P2_SUSTAINED_PROGRESS.valueAt(k) * two;
                  case 3 ->
                      NationalCalibration.P2_SUSTAINED_PROGRESS.valueAt(k)
                          * NationalCalibration.P2_EMPLOYMENT_PER_PROGRESS
                          * two;
                  default -> 0.0; // identified: no published series to follow
                });
    List<AuthorityPlan> plans = new ArrayList<>();
    for (int i = 0; i < authorities.size(); i++) {
      Map<Phase, List<PlannedFigures>> series = new EnumMap<>(Phase.class);
      series.put(Phase.ONE, Trajectory.phaseOne(profiles.get(i), baseOne[i], fitOne));
      series.put(Phase.TWO, Trajectory.phaseTwo(profiles.get(i), baseTwo[i], fitTwo));
      plans.add(new AuthorityPlan(i, authorities.get(i), profiles.get(i), series));
    }
    return plans;
  }

  private static int target(ReferenceData reference, Authority authority, Phase phase) {
    return reference
        .target(authority.code(), phase)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "no phase " + phase.number() + " target for " + authority.code()))
        .families();
  }

  /**
   * Chooses where each fault goes: about {@code rate} of the returns get one, spread evenly over
   * the kinds, every kind at least once. Return faults may sit beside any return; claim row faults
   * go into phase 2 returns that are not resubmitted (a resubmission repeats its quarter's claims).
   */
  private static Map<Slot, List<FaultKind>> placeFaults(
      List<Slot> slots,
      Map<Slot, SlotPlan> slotPlans,
      List<AuthorityPlan> plans,
      double rate,
      long seed) {
    Map<Slot, List<FaultKind>> faults = new HashMap<>();
    if (rate <= 0) {
      return faults;
    }
    List<Slot> rowCandidates = new ArrayList<>();
    for (Slot slot : slots) {
      if (slot.phase() == Phase.TWO && !slotPlans.get(slot).resubmitted()) {
        Quarter quarter =
            plans.get(slot.authority()).series().get(Phase.TWO).get(slot.index()).quarter();
        if (!quarter.isBefore(ROW_FAULTS_FROM) && !quarter.isAfter(ROW_FAULTS_TO)) {
          rowCandidates.add(slot);
        }
      }
    }
    FaultKind[] kinds = FaultKind.values();
    long perKind = Math.max(1, Math.round(rate * slots.size() / kinds.length));
    SplittableRandom random = new SplittableRandom(Mix.seed(seed, -1, 3));
    for (FaultKind kind : kinds) {
      List<Slot> pool = kind.level() == FaultKind.Level.ROW ? rowCandidates : slots;
      for (long n = 0; n < perKind; n++) {
        Slot slot = pool.get(random.nextInt(pool.size()));
        faults.computeIfAbsent(slot, s -> new ArrayList<>()).add(kind);
      }
    }
    return faults;
  }

  /** Writes the returns, authority by authority, and keeps the counts, totals and faults. */
  private static final class Writer {
    private final Path out;
    private final FamilyRefs refs;
    private final Map<Slot, SlotPlan> slotPlans;
    private final Map<Slot, List<FaultKind>> faultsAt;
    private final BrokenReturns brokenReturns;
    final NationalTotals totals = new NationalTotals();
    final Map<String, Long> counts = new LinkedHashMap<>();
    final List<FaultRecord> faults = new ArrayList<>();
    final List<String> hostileFiles = new ArrayList<>();
    final List<FaultKind> pendingRowFaults = new ArrayList<>();

    Writer(
        Path out,
        ReferenceData reference,
        FamilyRefs refs,
        Map<Slot, SlotPlan> slotPlans,
        Map<Slot, List<FaultKind>> faultsAt) {
      this.out = out;
      this.refs = refs;
      this.slotPlans = slotPlans;
      this.faultsAt = faultsAt;
      this.brokenReturns = new BrokenReturns(reference);
      for (String key :
          List.of(
              "returns",
              "current_returns",
              "superseded_returns",
              "csv_returns",
              "xlsx_returns",
              "broken_returns",
              "files",
              "claim_rows",
              "claim_rows_in_current_returns",
              "claim_rows_in_superseded_returns",
              "broken_claim_rows")) {
        counts.put(key, 0L);
      }
    }

    private void count(String key, long n) {
      counts.merge(key, n, Long::sum);
    }

    void authority(AuthorityPlan plan, long seed) throws IOException {
      int i = plan.index();
      Authority authority = plan.authority();
      SplittableRandom random = new SplittableRandom(Mix.seed(seed, i, 4));
      Signatories people = new Signatories(authority, new SplittableRandom(Mix.seed(seed, i, 3)));
      FileStyle style = FileStyle.draw(new SplittableRandom(Mix.seed(seed, i, 5)));
      for (Phase phase : Phase.values()) {
        boolean withClaims = phase == Phase.TWO || plan.profile().claimsInPhaseOne();
        ClaimMaker maker = new ClaimMaker(refs, i, phase);
        PlannedFigures previous = null;
        String earlierOutcomeRef = null;
        List<PlannedFigures> series = plan.series().get(phase);
        for (int k = 0; k < series.size(); k++) {
          PlannedFigures figures = series.get(k);
          Quarter quarter = figures.quarter();
          Slot slot = new Slot(i, phase, k);
          SlotPlan slotPlan = slotPlans.get(slot);
          people.maybeChange();
          String code =
              quarter.end().isBefore(RECODED_ON) && !authority.formerCodes().isEmpty()
                  ? authority.formerCodes().get(0)
                  : authority.code();
          String stem = code + "-" + quarter.label() + "-p" + phase.number();
          long[] rises = rises(previous, figures, phase);
          List<ClaimRow> claims = withClaims ? maker.claims(quarter, rises, random) : List.of();
          String sro = people.sroSignOff();
          boolean hostile = random.nextDouble() < HOSTILE_SHARE;
          if (hostile) {
            sro = HOSTILE.get(random.nextInt(HOSTILE.size()));
          }
          OffsetDateTime submittedAt = people.submittedAt(quarter);
          ReturnFormat format = slotPlan.xlsx() ? ReturnFormat.XLSX : ReturnFormat.CSV;
          if (slotPlan.resubmitted()) {
            // The first version fell short (results recorded late); the resubmission is right.
            long[] drops = new long[rises.length];
            for (int r = 0; r < rises.length; r++) {
              drops[r] =
                  rises[r] == 0 ? 0 : random.nextInt((int) Math.min(rises[r], 1 << 20) / 2 + 1);
            }
            PlannedFigures first = shortfall(previous, figures, phase, drops, random);
            List<ClaimRow> firstClaims = withClaims ? withoutLast(claims, phase, drops) : List.of();
            SummaryRow firstSummary =
                new SummaryRow(code, phase, first, submittedAt, people.submittedBy(), sro, null);
            ReturnDocument firstDocument =
                document(stem, format, style, firstSummary, Table.of(firstClaims));
            write(firstDocument, false, firstClaims.size());
            submittedAt = people.resubmittedAt(submittedAt);
            SummaryRow revised =
                new SummaryRow(
                    code,
                    phase,
                    figures,
                    submittedAt,
                    people.submittedBy(),
                    sro,
                    REVISION_NOTES.get(random.nextInt(REVISION_NOTES.size())));
            ReturnDocument document =
                document(stem + "-revised", format, style, revised, Table.of(claims));
            write(document, true, claims.size());
            if (hostile) {
              hostileFiles.add(document.summaryFile());
            }
            returnFaults(slot, revised, stem, style, random);
          } else {
            SummaryRow summary =
                new SummaryRow(code, phase, figures, submittedAt, people.submittedBy(), sro, null);
            ReturnDocument document = document(stem, format, style, summary, Table.of(claims));
            if (phase == Phase.TWO) {
              document =
                  rowFaults(
                      slot, code, document, quarter, claims, earlierOutcomeRef, maker, random);
              for (ClaimRow claim : claims) {
                earlierOutcomeRef =
                    earlierOutcomeRef == null ? claim.familyRef() : earlierOutcomeRef;
              }
            }
            write(document, true, claims.size());
            if (hostile) {
              hostileFiles.add(document.summaryFile());
            }
            returnFaults(slot, summary, stem, style, random);
          }
          totals.add(phase, figures);
          previous = figures;
        }
      }
    }

    private static ReturnDocument document(
        String stem, ReturnFormat format, FileStyle style, SummaryRow summary, Table claims) {
      return new ReturnDocument(
          stem, format, style, Table.of(summary), claims, summary.submittedAt().toLocalDate());
    }

    private void write(ReturnDocument document, boolean current, int validClaims)
        throws IOException {
      count("files", document.write(out));
      count("returns", 1);
      count(current ? "current_returns" : "superseded_returns", 1);
      count(document.format() == ReturnFormat.XLSX ? "xlsx_returns" : "csv_returns", 1);
      count("claim_rows", document.claims().rows().size());
      count(
          current ? "claim_rows_in_current_returns" : "claim_rows_in_superseded_returns",
          validClaims);
    }

    /** Broken extra returns beside this slot's valid one. */
    private void returnFaults(
        Slot slot, SummaryRow valid, String stem, FileStyle style, SplittableRandom random)
        throws IOException {
      for (FaultKind kind : faultsAt.getOrDefault(slot, List.of())) {
        if (kind.level() == FaultKind.Level.RETURN) {
          FaultRecord fault =
              brokenReturns.write(
                  out, kind, valid, stem, style, random.nextDouble() < XLSX_SHARE, random);
          faults.add(fault);
          count("broken_returns", 1);
          count("files", 1);
        }
      }
    }

    /**
     * Broken claim rows added at the end of a valid phase 2 return. Faults this return cannot carry
     * (a duplicate needs a claim to repeat) wait for the next return that can.
     */
    private ReturnDocument rowFaults(
        Slot slot,
        String code,
        ReturnDocument document,
        Quarter quarter,
        List<ClaimRow> claims,
        String earlierOutcomeRef,
        ClaimMaker maker,
        SplittableRandom random) {
      List<FaultKind> wanted = new ArrayList<>(pendingRowFaults);
      pendingRowFaults.clear();
      for (FaultKind kind : faultsAt.getOrDefault(slot, List.of())) {
        if (kind.level() == FaultKind.Level.ROW) {
          wanted.add(kind);
        }
      }
      if (wanted.isEmpty()) {
        return document;
      }
      Table table = document.claims();
      for (FaultKind kind : wanted) {
        var broken =
            BrokenClaims.row(kind, quarter, claims, earlierOutcomeRef, maker::newFamilyRef, random);
        if (broken.isEmpty()) {
          pendingRowFaults.add(kind);
          continue;
        }
        int row = table.rows().size() + 2;
        table = table.withRow(broken.get().row().values());
        faults.add(
            new FaultRecord(
                kind.rule(),
                document.claimsFile(),
                "claims",
                row,
                kind.label(),
                kind.example(),
                code,
                Phase.TWO.number(),
                quarter.end().toString(),
                broken.get().detail()));
        count("broken_claim_rows", 1);
      }
      return document.withClaims(table);
    }

    /** How much each result of the phase rose since the previous quarter (all, the first time). */
    private static long[] rises(PlannedFigures previous, PlannedFigures now, Phase phase) {
      if (phase == Phase.ONE) {
        return new long[] {
          now.crimeAsbEducation() - (previous == null ? 0 : previous.crimeAsbEducation()),
          now.continuousEmployment() - (previous == null ? 0 : previous.continuousEmployment()),
          now.progressToWork() - (previous == null ? 0 : previous.progressToWork())
        };
      }
      return new long[] {
        now.sustainedProgress() - (previous == null ? 0 : previous.sustainedProgress()),
        now.continuousEmployment() - (previous == null ? 0 : previous.continuousEmployment())
      };
    }

    /**
     * The figures of a first version that fell short of the true ones: results lower by {@code
     * drops}, attached and identified somewhat lower, never below the previous quarter (so nothing
     * appears to fall) and always consistent.
     */
    private static PlannedFigures shortfall(
        PlannedFigures previous,
        PlannedFigures now,
        Phase phase,
        long[] drops,
        SplittableRandom random) {
      long crime = now.crimeAsbEducation();
      long employment = now.continuousEmployment();
      long progressToWork = now.progressToWork();
      long sustained = now.sustainedProgress();
      if (phase == Phase.ONE) {
        crime -= drops[0];
        employment -= drops[1];
        progressToWork -= drops[2];
      } else {
        sustained -= drops[0];
        employment -= drops[1];
      }
      long outcomes = crime + employment + sustained;
      long previousAttached = previous == null ? 0 : previous.attached();
      long previousIdentified = previous == null ? 0 : previous.identified();
      long attached =
          Math.max(
              Math.max(previousAttached, outcomes),
              now.attached() - random.nextLong((now.attached() - previousAttached) / 2 + 1));
      long identified =
          Math.max(
              Math.max(previousIdentified, attached),
              now.identified() - random.nextLong((now.identified() - previousIdentified) / 2 + 1));
      return new PlannedFigures(
          now.quarter(), identified, attached, crime, employment, progressToWork, sustained);
    }

    /** The claims without the last {@code drops[r]} claims of each result. */
    private static List<ClaimRow> withoutLast(List<ClaimRow> claims, Phase phase, long[] drops) {
      List<String> results = ClaimMaker.results(phase);
      long[] left = drops.clone();
      List<ClaimRow> kept = new ArrayList<>(claims);
      for (int at = kept.size() - 1; at >= 0; at--) {
        int r = results.indexOf(kept.get(at).result());
        if (left[r] > 0) {
          left[r]--;
          kept.remove(at);
        }
      }
      return kept;
    }
  }
}
