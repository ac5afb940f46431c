package uk.gov.tfwh.generator.sample;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * What to generate.
 *
 * @param out the landing folder to write
 * @param seed the same seed gives the same bytes
 * @param scale multiplies every authority's families (so claim rows), for benchmarks
 * @param faultRate about this share of returns comes with a broken return or claim row beside it
 *     (every kind at least once when above 0)
 * @param reference the reference set folder (authorities and targets)
 */
public record GenerationOptions(
    Path out, long seed, double scale, double faultRate, Path reference) {
  public GenerationOptions {
    requireNonNull(out, "out");
    requireNonNull(reference, "reference");
    if (!(scale > 0) || scale > 1000) {
      throw new IllegalArgumentException("scale must be above 0 and at most 1000, not " + scale);
    }
    if (!(faultRate >= 0) || faultRate > 1) {
      throw new IllegalArgumentException("fault rate must be 0 to 1, not " + faultRate);
    }
  }
}
