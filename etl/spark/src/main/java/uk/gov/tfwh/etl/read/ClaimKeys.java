package uk.gov.tfwh.etl.read;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import uk.gov.tfwh.programme.outcome.ClaimResult;
import uk.gov.tfwh.returns.model.Claim;

/**
 * What the national claim rules need of each claim row of a return that passed the return's own
 * rules: family, row and result, and nothing else. Kept with the return in the load state, so a
 * load judges every family in the programme without reading the claim rows of earlier quarters
 * again (at scale 1, 236,000 rows in about 9 MB).
 *
 * <p>Packed rather than one object per claim: the family references of a return are one string
 * (each is 16 to 64 of {@code [A-Za-z0-9-]}, so a comma cannot be part of one), which keeps the
 * load state quick to read back.
 */
public final class ClaimKeys implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final ClaimResult[] RESULTS = ClaimResult.values();

  private final String familyRefs;
  private final int[] rows;
  private final byte[] results;
  // Where each reference starts in familyRefs and its hash, made together in one pass over the
  // characters the first time either is asked for: the national check asks for both of every
  // claim of the programme on every load (2.4 million at scale 10).
  private transient int[] starts;
  private transient int[] hashes;

  private ClaimKeys(String familyRefs, int[] rows, byte[] results) {
    this.familyRefs = familyRefs;
    this.rows = rows;
    this.results = results;
  }

  public static ClaimKeys of(List<Claim> claims) {
    StringBuilder refs = new StringBuilder(claims.size() * 33);
    int[] rows = new int[claims.size()];
    byte[] results = new byte[claims.size()];
    for (int i = 0; i < claims.size(); i++) {
      Claim claim = claims.get(i);
      if (claim.familyRef().indexOf(',') >= 0) {
        throw new IllegalArgumentException(
            "a family_ref cannot hold a comma: " + claim.familyRef());
      }
      if (i > 0) {
        refs.append(',');
      }
      refs.append(claim.familyRef());
      rows[i] = claim.row();
      results[i] = (byte) claim.result().ordinal();
    }
    return new ClaimKeys(refs.toString(), rows, results);
  }

  /**
   * Claim keys as {@link #familyRefs()}, {@link #rows()} and {@link #results()} give them (the load
   * state's packed form, docs/load-state.md); refused when they do not fit together.
   */
  public static ClaimKeys packed(String familyRefs, int[] rows, byte[] results) {
    if (rows.length != results.length) {
      throw new IllegalArgumentException(
          rows.length + " claim rows but " + results.length + " claim results");
    }
    for (byte result : results) {
      if (result < 0 || result >= RESULTS.length) {
        throw new IllegalArgumentException("no claim result " + result);
      }
    }
    ClaimKeys keys = new ClaimKeys(familyRefs, rows.clone(), results.clone());
    // The references are counted by the pass that indexes them, which the national check needs
    // anyway: one pass over the characters, not two (they are 77 MB at scale 10).
    int families = keys.index();
    if (families != rows.length) {
      throw new IllegalArgumentException(
          rows.length
              + " claim rows but "
              + (families < 0 ? "more" : String.valueOf(families))
              + " families");
    }
    return keys;
  }

  /** The family references, comma-joined in claim order. */
  public String familyRefs() {
    return familyRefs;
  }

  /** The claims' row numbers, in claim order (a copy). */
  public int[] rows() {
    return rows.clone();
  }

  /** The claims' results as {@link ClaimResult} ordinals, in claim order (a copy). */
  public byte[] results() {
    return results.clone();
  }

  public int size() {
    return rows.length;
  }

  public int row(int claim) {
    return rows[claim];
  }

  public ClaimResult result(int claim) {
    return RESULTS[results[claim]];
  }

  public String familyRef(int claim) {
    return familyRefs.substring(start(claim), end(claim));
  }

  /**
   * The hash of a claim's family reference, as {@link String#hashCode()} of {@link #familyRef}
   * would give, without making the string: the national check hashes every claim of the programme.
   */
  public int familyHash(int claim) {
    if (hashes == null) {
      index();
    }
    return hashes[claim];
  }

  /** Whether a claim of this return and one of another are of the same family. */
  public boolean sameFamily(int claim, ClaimKeys other, int otherClaim) {
    int length = end(claim) - start(claim);
    return length == other.end(otherClaim) - other.start(otherClaim)
        && familyRefs.regionMatches(
            start(claim), other.familyRefs, other.start(otherClaim), length);
  }

  private int start(int claim) {
    return starts()[claim];
  }

  private int end(int claim) {
    int[] at = starts();
    return claim + 1 < at.length ? at[claim + 1] - 1 : familyRefs.length();
  }

  private int[] starts() {
    if (starts == null) {
      index();
    }
    return starts;
  }

  /**
   * Each reference's start and {@link String#hashCode()}, in one pass over the characters.
   *
   * @return how many references there are, or -1 when there are more than claims (then nothing is
   *     kept)
   */
  private int index() {
    int[] at = new int[rows.length];
    int[] hashOf = new int[rows.length];
    int claim = 0;
    int hash = 0;
    int length = familyRefs.length();
    for (int i = 0; i < length; i++) {
      char c = familyRefs.charAt(i);
      if (c == ',') {
        if (claim + 1 >= rows.length) {
          return -1;
        }
        hashOf[claim++] = hash;
        at[claim] = i + 1;
        hash = 0;
      } else {
        hash = 31 * hash + c;
      }
    }
    if (length > 0) {
      if (rows.length == 0) {
        return 1;
      }
      hashOf[claim] = hash;
    }
    hashes = hashOf;
    starts = at;
    return length == 0 ? 0 : claim + 1;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ClaimKeys that
        && familyRefs.equals(that.familyRefs)
        && Arrays.equals(rows, that.rows)
        && Arrays.equals(results, that.results);
  }

  @Override
  public int hashCode() {
    return familyRefs.hashCode() * 31 + Arrays.hashCode(rows);
  }

  @Override
  public String toString() {
    return "ClaimKeys[" + rows.length + " claims]";
  }
}
