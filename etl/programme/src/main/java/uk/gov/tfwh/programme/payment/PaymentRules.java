package uk.gov.tfwh.programme.payment;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import uk.gov.tfwh.programme.outcome.ByResult;
import uk.gov.tfwh.programme.outcome.ClaimResult;
import uk.gov.tfwh.programme.period.FinancialYear;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;
import uk.gov.tfwh.programme.reference.Target;

/**
 * The payment-by-results rules of both phases, in one place ({@code reference/programme-facts.md},
 * {@code docs/methodology.md}). Payments follow an authority's accepted cumulative summaries
 * quarter by quarter, in quarter order; a missing quarter is simply not there, and the next
 * quarter's increase covers the gap.
 *
 * <p>Common to both phases:
 *
 * <ul>
 *   <li>only a rise above the highest figure reported before is paid: a fall creates no negative
 *       payment, and the recovery is paid only above the earlier high;
 *   <li>attached families are counted only up to the target;
 *   <li>the phase total never passes the cap: the quarter's amounts are paid in the order
 *       attachment fee, then the results in {@link ClaimResult}'s order (crime/ASB/education,
 *       continuous employment, progress to work, sustained progress); the one that would pass the
 *       cap is cut to fit and those after it are nil.
 * </ul>
 */
public final class PaymentRules {
  /** The most a phase 1 family could earn before the 5/6 factor. */
  static final BigDecimal PHASE_ONE_PER_FAMILY = BigDecimal.valueOf(4_000);

  static final BigDecimal PHASE_TWO_ATTACHMENT_FEE = BigDecimal.valueOf(1_000);
  static final BigDecimal PHASE_TWO_RESULT = BigDecimal.valueOf(800);

  private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

  private PaymentRules() {}

  /**
   * The most an authority can be paid in the target's phase. Phase 1: target x £4,000 x 5/6 (to the
   * penny, half-up). Phase 2 (rule we adopt, as nothing capping it was published): target x (£1,000
   * attachment + £800 result), one of each per expected family.
   */
  public static BigDecimal maximum(Target target) {
    requireNonNull(target, "target");
    BigDecimal families = BigDecimal.valueOf(target.families());
    return target.phase() == Phase.ONE
        ? fiveSixthsOf(families.multiply(PHASE_ONE_PER_FAMILY))
        : pounds(families.multiply(PHASE_TWO_ATTACHMENT_FEE.add(PHASE_TWO_RESULT)));
  }

  /**
   * Phase 1 payments, one per quarter given. For each quarter, with the rates of the financial year
   * in which it ends: attachment fee = 5/6 x fee x rise in attached families (counted up to the
   * target); each results payment = 5/6 x rate x rise in that result. Each amount is rounded
   * half-up to the penny.
   *
   * @param quarters the authority's accepted cumulative summaries in phase 1, in any order, at most
   *     one per quarter
   */
  public static List<QuarterPayment> phaseOne(Target target, List<CumulativeFigures> quarters) {
    requirePhase(target, Phase.ONE);
    List<CumulativeFigures> ordered = inOrder(Phase.ONE, quarters);
    BigDecimal cap = maximum(target);
    Highs highs = new Highs();
    CapAllowance allowance = new CapAllowance(cap);
    List<QuarterPayment> payments = new ArrayList<>();
    for (CumulativeFigures figures : ordered) {
      FinancialYear year = figures.quarter().financialYear();
      PhaseOneRates rates = PhaseOneRates.forYear(year);
      long attached = highs.attached.rise(Math.min(figures.familiesAttached(), target.families()));
      Amounts due =
          new Amounts(
              fiveSixthsOf(rates.attachmentFee().multiply(BigDecimal.valueOf(attached))),
              amounts(
                  Phase.ONE,
                  result -> {
                    long rise = highs.of(result).rise(figures.results().get(result));
                    return fiveSixthsOf(rates.result(result).multiply(BigDecimal.valueOf(rise)));
                  }));
      payments.add(allowance.pay(target, figures.quarter(), year, attached, due));
    }
    return List.copyOf(payments);
  }

  /**
   * Phase 2 payments, one per quarter given: £1,000 per family on the rise in attached families
   * (counted up to the expected number) and £800 per successful-outcome claim accepted from the
   * quarter's return, split by result. No 5/6 factor applies in phase 2.
   *
   * @param quarters the authority's accepted cumulative summaries in phase 2, in any order, at most
   *     one per quarter
   * @param acceptedOutcomeClaimsByQuarter accepted claims by the quarter of the return that made
   *     them; a quarter without an entry had none. Claims for a quarter with no summary are an
   *     error, as they could not be paid.
   */
  public static List<QuarterPayment> phaseTwo(
      Target target,
      List<CumulativeFigures> quarters,
      Map<Quarter, OutcomeClaims> acceptedOutcomeClaimsByQuarter) {
    requirePhase(target, Phase.TWO);
    requireNonNull(acceptedOutcomeClaimsByQuarter, "acceptedOutcomeClaimsByQuarter");
    List<CumulativeFigures> ordered = inOrder(Phase.TWO, quarters);
    Set<Quarter> reported = new HashSet<>();
    ordered.forEach(figures -> reported.add(figures.quarter()));
    for (Quarter claimed : acceptedOutcomeClaimsByQuarter.keySet()) {
      if (!reported.contains(claimed)) {
        throw new IllegalArgumentException(
            target.authorityCode()
                + " has outcome claims for "
                + claimed
                + " but no accepted summary for that quarter");
      }
    }
    CapAllowance allowance = new CapAllowance(maximum(target));
    Highs highs = new Highs();
    List<QuarterPayment> payments = new ArrayList<>();
    for (CumulativeFigures figures : ordered) {
      long attached = highs.attached.rise(Math.min(figures.familiesAttached(), target.families()));
      OutcomeClaims claims =
          acceptedOutcomeClaimsByQuarter.getOrDefault(figures.quarter(), OutcomeClaims.NONE);
      Amounts due =
          new Amounts(
              pounds(PHASE_TWO_ATTACHMENT_FEE.multiply(BigDecimal.valueOf(attached))),
              amounts(
                  Phase.TWO,
                  result ->
                      pounds(
                          PHASE_TWO_RESULT.multiply(
                              BigDecimal.valueOf(claims.byResult().get(result))))));
      payments.add(
          allowance.pay(
              target, figures.quarter(), figures.quarter().financialYear(), attached, due));
    }
    return List.copyOf(payments);
  }

  /**
   * 5/6 of an amount, rounded half-up to the penny: central government did not pay for the one
   * family in six assumed to turn around anyway.
   */
  static BigDecimal fiveSixthsOf(BigDecimal amount) {
    return amount
        .multiply(BigDecimal.valueOf(5))
        .divide(BigDecimal.valueOf(6), 2, RoundingMode.HALF_UP);
  }

  /** The amount due for each of a phase's results; the others are nil. */
  private static ByResult<BigDecimal> amounts(
      Phase phase, Function<ClaimResult, BigDecimal> amount) {
    Map<ClaimResult, BigDecimal> amounts = new EnumMap<>(ClaimResult.class);
    ClaimResult.of(phase).forEach(result -> amounts.put(result, amount.apply(result)));
    return ByResult.pounds(amounts);
  }

  private static BigDecimal pounds(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.HALF_UP);
  }

  private static void requirePhase(Target target, Phase phase) {
    requireNonNull(target, "target");
    if (target.phase() != phase) {
      throw new IllegalArgumentException(
          "a phase "
              + phase.number()
              + " payment needs a phase "
              + phase.number()
              + " target, not "
              + target);
    }
  }

  private static List<CumulativeFigures> inOrder(Phase phase, List<CumulativeFigures> quarters) {
    requireNonNull(quarters, "quarters");
    List<CumulativeFigures> ordered = new ArrayList<>(quarters);
    for (CumulativeFigures figures : ordered) {
      if (!phase.covers(figures.quarter())) {
        throw new IllegalArgumentException(
            figures.quarter()
                + " is outside phase "
                + phase.number()
                + " ("
                + phase.firstQuarter()
                + " to "
                + phase.lastQuarter()
                + ")");
      }
    }
    ordered.sort(Comparator.comparing(CumulativeFigures::quarter));
    for (int i = 1; i < ordered.size(); i++) {
      if (ordered.get(i).quarter().equals(ordered.get(i - 1).quarter())) {
        throw new IllegalArgumentException(
            "two summaries for " + ordered.get(i).quarter() + "; pass only the accepted one");
      }
    }
    return ordered;
  }

  /**
   * The amounts of one quarter, in the order they are paid against the cap: the attachment fee,
   * then the results in their declaration order.
   */
  private record Amounts(BigDecimal attachmentFee, ByResult<BigDecimal> results) {

    BigDecimal total() {
      return attachmentFee.add(results.sum(BigDecimal::add));
    }
  }

  /** The highest figure reported so far for one measure; only a rise above it is paid. */
  private static final class HighWatermark {
    private long high;

    long rise(long figure) {
      long rise = Math.max(0, figure - high);
      high = Math.max(high, figure);
      return rise;
    }
  }

  private static final class Highs {
    final HighWatermark attached = new HighWatermark();
    private final Map<ClaimResult, HighWatermark> results = new EnumMap<>(ClaimResult.class);

    HighWatermark of(ClaimResult result) {
      return results.computeIfAbsent(result, r -> new HighWatermark());
    }
  }

  /** What is left under the phase cap; pays each amount in full while it fits, then cuts. */
  private static final class CapAllowance {
    private final BigDecimal cap;
    private BigDecimal paid = ZERO;

    CapAllowance(BigDecimal cap) {
      this.cap = cap;
    }

    QuarterPayment pay(
        Target target, Quarter quarter, FinancialYear year, long attachedFamilies, Amounts due) {
      BigDecimal attachmentFee = fit(due.attachmentFee());
      Map<ClaimResult, BigDecimal> results = new EnumMap<>(ClaimResult.class);
      // An EnumMap's order: the results are fitted in their declaration order.
      due.results().asMap().forEach((result, amount) -> results.put(result, fit(amount)));
      Amounts fitted = new Amounts(attachmentFee, ByResult.pounds(results));
      BigDecimal total = fitted.total();
      return new QuarterPayment(
          target.authorityCode(),
          target.phase(),
          quarter,
          year,
          attachedFamilies,
          fitted.attachmentFee(),
          fitted.results(),
          total,
          paid,
          cap,
          total.compareTo(due.total()) < 0);
    }

    private BigDecimal fit(BigDecimal amount) {
      BigDecimal amountPaid = amount.min(cap.subtract(paid));
      paid = paid.add(amountPaid);
      return amountPaid;
    }
  }
}
