package uk.gov.tfwh.generator.sample;

import java.util.HexFormat;

/**
 * Pseudonymous family references, as authorities make them by hashing their own identifiers with
 * the national key: 32 hex digits. A reference is a bijective mix of (seed, authority, phase,
 * serial), so two different families never share one within a sample, without keeping a set of
 * every reference made.
 */
final class FamilyRefs {
  private static final HexFormat HEX = HexFormat.of();
  private final long seed;

  FamilyRefs(long seed) {
    this.seed = seed;
  }

  /**
   * The reference of a family.
   *
   * @param serial the family's number within its authority and phase, below 2^28
   */
  String ref(int authorityIndex, int phase, long serial) {
    long key =
        (seed * 0x9E3779B97F4A7C15L)
            ^ (((long) authorityIndex << 36) | ((long) phase << 32) | serial);
    long first = Mix.mix(key);
    long second = Mix.mix(first ^ 0x5DEECE66DL ^ seed);
    return HEX.toHexDigits(first) + HEX.toHexDigits(second);
  }
}
