package uk.gov.tfwh.api.payment;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One authority's payments at the latest quarter listed: paid in the quarters listed, cumulative
 * for the phase, the cap and what remains of it.
 */
public record AuthorityPaymentTotal(
    String authorityCode,
    String authorityName,
    LocalDate latestPeriod,
    BigDecimal paidInRows,
    BigDecimal cumulative,
    BigDecimal cap,
    BigDecimal remainingCap,
    boolean capReached) {}
