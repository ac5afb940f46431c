package uk.gov.tfwh.api.payment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.NativeWebRequest;
import uk.gov.tfwh.api.access.AccessPolicy;
import uk.gov.tfwh.api.access.Viewer;
import uk.gov.tfwh.api.authority.Authorities;
import uk.gov.tfwh.api.period.PeriodParameters;
import uk.gov.tfwh.api.problem.BadParameterException;
import uk.gov.tfwh.api.serving.SnapshotReads;
import uk.gov.tfwh.programme.period.FinancialYear;
import uk.gov.tfwh.programme.period.Phase;

@RestController
class PaymentController {
  private final Payments payments;
  private final SnapshotReads reads;
  private final AccessPolicy access;

  PaymentController(Payments payments, SnapshotReads reads, AccessPolicy access) {
    this.payments = payments;
    this.reads = reads;
    this.access = access;
  }

  /**
   * Attachment fees and results payments per authority and quarter, cumulative and against the cap;
   * optionally one authority or one financial year ({@code 2013/14} or {@code 2013-14}).
   */
  @Operation(
      summary =
          "Attachment fees and results payments per authority and quarter, cumulative, against the cap")
  @GetMapping("/api/v1/payments")
  ResponseEntity<PaymentList> payments(
      @Parameter(description = PeriodParameters.PHASE_DOC) @RequestParam int phase,
      @RequestParam(required = false) String authority,
      @Parameter(description = "Only this financial year: 2013/14 or 2013-14")
          @RequestParam(name = "financial_year", required = false)
          String financialYear,
      NativeWebRequest request,
      Viewer viewer) {
    Phase checked = PeriodParameters.phase(phase);
    String code = authority == null ? null : Authorities.wellFormed("authority", authority);
    FinancialYear year = financialYear == null ? null : financialYear(financialYear);
    return reads.respond(
        request,
        viewer,
        code == null ? access.figures(viewer) : access.authorityFigures(viewer, code),
        snapshot -> payments.payments(snapshot, checked, code, year));
  }

  private static FinancialYear financialYear(String text) {
    try {
      return FinancialYear.parse(text);
    } catch (IllegalArgumentException e) {
      throw new BadParameterException("financial_year", "financial_year: " + e.getMessage());
    }
  }
}
