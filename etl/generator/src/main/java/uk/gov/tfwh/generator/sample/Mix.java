package uk.gov.tfwh.generator.sample;

/** SplitMix64's finaliser: a bijection of 64-bit values that scatters neighbouring inputs. */
final class Mix {
  private Mix() {}

  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A seed for one purpose of one authority, independent of every other. */
  static long seed(long seed, int authorityIndex, int purpose) {
    return mix(mix(seed + 0x632BE59BD9B4E019L * (authorityIndex + 1)) + purpose);
  }
}
