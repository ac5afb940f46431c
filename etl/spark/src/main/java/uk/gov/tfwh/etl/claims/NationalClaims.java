package uk.gov.tfwh.etl.claims;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.gov.tfwh.etl.read.ClaimKeys;
import uk.gov.tfwh.etl.read.ReadReturn;
import uk.gov.tfwh.programme.outcome.ClaimResult;
import uk.gov.tfwh.returns.history.ClaimOccurrence;
import uk.gov.tfwh.returns.history.NationalClaimCheck;
import uk.gov.tfwh.returns.model.Finding;
import uk.gov.tfwh.returns.model.ReturnSummary;

/**
 * The national claim rules over the whole programme: the claims of every current return are grouped
 * by family, and each family claimed more than once goes through {@link NationalClaimCheck}. A
 * family claimed once is accepted without findings, since every rule compares a claim with an
 * earlier one of its family. The accepted counts are the returns' own (as read) less the refused.
 *
 * <p>It works from the claim keys each return carries ({@link ClaimKeys}), on the driver: the keys
 * of the whole programme are small (236,000 claims at scale 1, 2.4 million at scale 10), and a new
 * quarter then costs no claim rows of earlier quarters read again, where grouping them with Spark
 * cost seconds of job set-up on every load however little had changed.
 */
public final class NationalClaims {
  private NationalClaims() {}

  /** A claim the national rules refused, with the return and row it was in. */
  public record Refusal(String returnId, int row) {}

  /**
   * What the national check decided.
   *
   * @param refused the claims refused (C08, C09), in the order they were judged
   * @param findingsByReturn every finding (rejections and W03 warnings), by return id
   * @param acceptedCounts accepted claims by return id and result
   */
  public record Outcome(
      List<Refusal> refused,
      Map<String, List<Finding>> findingsByReturn,
      Map<String, Map<ClaimResult, Long>> acceptedCounts) {}

  /**
   * Checks the claims of the current returns.
   *
   * @param current the accepted, current return versions; claims of other versions are not judged
   */
  public static Outcome check(List<ReadReturn> current) {
    List<NationalClaimCheck.Decision> notable = new ArrayList<>();
    for (List<ClaimOccurrence> family : repeatedFamilies(current)) {
      for (NationalClaimCheck.Decision decision : NationalClaimCheck.check(family)) {
        if (!decision.accepted() || !decision.findings().isEmpty()) {
          notable.add(decision);
        }
      }
    }
    notable.sort((a, b) -> NationalClaimCheck.ORDER.compare(a.claim(), b.claim()));

    Map<String, Map<ClaimResult, Long>> accepted = new HashMap<>();
    for (ReadReturn read : current) {
      Map<ClaimResult, Long> counts = new EnumMap<>(ClaimResult.class);
      read.acceptedOnReadByResult().forEach((result, count) -> counts.put(result, (long) count));
      if (!counts.isEmpty()) {
        accepted.put(read.returnId(), counts);
      }
    }
    List<Refusal> refused = new ArrayList<>();
    Map<String, List<Finding>> findings = new HashMap<>();
    for (NationalClaimCheck.Decision decision : notable) {
      ClaimOccurrence claim = decision.claim();
      if (!decision.accepted()) {
        refused.add(new Refusal(claim.returnId(), claim.row()));
        Map<ClaimResult, Long> counts = accepted.get(claim.returnId());
        if (counts.merge(claim.result(), -1L, Long::sum) == 0) {
          counts.remove(claim.result());
        }
        if (counts.isEmpty()) {
          accepted.remove(claim.returnId());
        }
      }
      findings
          .computeIfAbsent(claim.returnId(), k -> new ArrayList<>())
          .addAll(decision.findings());
    }
    return new Outcome(refused, findings, accepted);
  }

  /**
   * The claims of every family claimed more than once. Every claim of the programme is looked up
   * once, so the index holds positions (return, claim) in an open-addressed table, with each
   * family's hash beside it so that only an equal hash costs a comparison of the references where
   * the returns keep them: no string or boxed key per claim. Occurrences are built only for
   * families seen again.
   */
  private static List<List<ClaimOccurrence>> repeatedFamilies(List<ReadReturn> current) {
    int claims = current.stream().mapToInt(r -> r.claimKeys().size()).sum();
    int capacity = Integer.highestOneBit(Math.max(16, claims * 2 - 1)) << 1;
    long[] firstClaims = new long[capacity]; // position + 1 of a family's first claim; 0 is free
    int[] familyHashes = new int[capacity]; // the hash of the family in each taken slot
    Map<Long, List<ClaimOccurrence>> repeatedByFirst = new LinkedHashMap<>();
    for (int r = 0; r < current.size(); r++) {
      ClaimKeys keys = current.get(r).claimKeys();
      for (int c = 0; c < keys.size(); c++) {
        int hash = keys.familyHash(c);
        int slot = spread(hash) & (capacity - 1);
        while (firstClaims[slot] != 0
            && (familyHashes[slot] != hash
                || !sameFamily(current, firstClaims[slot] - 1, keys, c))) {
          slot = (slot + 1) & (capacity - 1);
        }
        long position = position(r, c);
        if (firstClaims[slot] == 0) {
          firstClaims[slot] = position + 1;
          familyHashes[slot] = hash;
          continue;
        }
        long first = firstClaims[slot] - 1;
        repeatedByFirst
            .computeIfAbsent(first, k -> new ArrayList<>(List.of(occurrence(current, first))))
            .add(occurrence(current, position));
      }
    }
    return new ArrayList<>(repeatedByFirst.values());
  }

  private static boolean sameFamily(
      List<ReadReturn> current, long position, ClaimKeys keys, int claim) {
    return current.get((int) (position >>> 32)).claimKeys().sameFamily((int) position, keys, claim);
  }

  // Family references share long prefixes (an authority's scheme), so mix the hash's bits before
  // taking the low ones as a slot.
  private static int spread(int hash) {
    int mixed = hash * 0x9E3779B9;
    return mixed ^ (mixed >>> 16);
  }

  private static long position(int returnIndex, int claimIndex) {
    return ((long) returnIndex << 32) | claimIndex;
  }

  private static ClaimOccurrence occurrence(List<ReadReturn> current, long position) {
    ReadReturn read = current.get((int) (position >>> 32));
    int claim = (int) position;
    ReturnSummary summary = read.acceptedSummary();
    ClaimKeys keys = read.claimKeys();
    return new ClaimOccurrence(
        keys.familyRef(claim),
        summary.authorityCode(),
        summary.phase(),
        summary.quarter(),
        read.arrival(),
        keys.result(claim),
        read.returnId(),
        read.claimsFile(),
        keys.row(claim));
  }
}
