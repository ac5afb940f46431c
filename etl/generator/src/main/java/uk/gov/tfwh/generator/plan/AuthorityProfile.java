package uk.gov.tfwh.generator.plan;

import static java.util.Objects.requireNonNull;

import java.util.SplittableRandom;
import uk.gov.tfwh.programme.reference.Authority;

/**
 * How one authority behaves in the sample: how far it runs ahead of or behind the national
 * trajectory, where it ends against its targets (most exactly at 100% of families attached, as the
 * real ones did), whether it was an early starter in phase 2 and whether it sent phase 1 claims.
 *
 * @param lagOne quarters behind (positive) or ahead of the national phase 1 trajectory
 * @param attachedOne families attached at the end of phase 1, as a multiple of the target
 * @param identifiedOne families identified at the end of phase 1, as a multiple of the target
 * @param turnedAroundOne families turned around at the end of phase 1, as a multiple of the target
 * @param employmentShareOne continuous employment results as a share of those turned around
 * @param progressToWorkOne progress to work results as a multiple of the target
 * @param claimsInPhaseOne true when the authority sent family-level claims in phase 1 (optional)
 */
public record AuthorityProfile(
    Authority authority,
    double lagOne,
    double attachedOne,
    double identifiedOne,
    double turnedAroundOne,
    double employmentShareOne,
    double progressToWorkOne,
    boolean claimsInPhaseOne,
    double lagTwo,
    double attachedTwo,
    double identifiedTwo,
    double progressTwo,
    double employmentPerProgressTwo,
    boolean earlyStarter) {
  public AuthorityProfile {
    requireNonNull(authority, "authority");
  }

  /** Draws a profile; {@code earlyStarter} is decided nationally (about a third). */
  public static AuthorityProfile draw(
      Authority authority, boolean earlyStarter, SplittableRandom random) {
    double attachedOne = endAgainstTarget(random);
    double identifiedOne =
        attachedOne * (random.nextDouble() < 0.75 ? 1.0 : uniform(random, 1.0, 1.08));
    double turnedAroundOne;
    double pick = random.nextDouble();
    if (pick < 0.60) {
      turnedAroundOne = 1.0;
    } else if (pick < 0.72) {
      turnedAroundOne = uniform(random, 1.01, 1.05);
    } else {
      turnedAroundOne = uniform(random, 0.90, 0.99);
    }
    double attachedTwo = endAgainstTarget(random);
    return new AuthorityProfile(
        authority,
        uniform(random, -0.8, 0.8),
        attachedOne,
        identifiedOne,
        turnedAroundOne,
        NationalCalibration.P1_FINAL_EMPLOYMENT_SHARE * uniform(random, 0.5, 1.5),
        NationalCalibration.P1_FINAL_PROGRESS_TO_WORK_SHARE * uniform(random, 0.5, 1.5),
        random.nextDouble() < 1.0 / 6,
        uniform(random, -0.8, 0.8),
        attachedTwo,
        attachedTwo * uniform(random, 1.03, 1.09),
        NationalCalibration.P2_FINAL_PROGRESS_SHARE * uniform(random, 0.7, 1.3),
        NationalCalibration.P2_EMPLOYMENT_PER_PROGRESS * uniform(random, 0.6, 1.4),
        earlyStarter);
  }

  /** Most authorities end exactly at their target; a tenth overshoot and a tenth fall short. */
  private static double endAgainstTarget(SplittableRandom random) {
    double pick = random.nextDouble();
    if (pick < 0.8) {
      return 1.0;
    }
    return pick < 0.9 ? uniform(random, 1.01, 1.06) : uniform(random, 0.96, 0.995);
  }

  private static double uniform(SplittableRandom random, double from, double to) {
    return from + (to - from) * random.nextDouble();
  }
}
