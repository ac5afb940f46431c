package uk.gov.tfwh.api.web.authority;

import static java.util.Objects.requireNonNull;

import org.springframework.stereotype.Component;
import uk.gov.tfwh.api.authority.Authorities;
import uk.gov.tfwh.api.benchmark.Benchmarks;
import uk.gov.tfwh.api.dataquality.DataQualityReports;
import uk.gov.tfwh.api.payment.Payments;
import uk.gov.tfwh.api.progress.ProgressReports;
import uk.gov.tfwh.api.returns.ReturnHistories;
import uk.gov.tfwh.api.totals.Totals;
import uk.gov.tfwh.api.web.page.PageReads;

/**
 * The API's feature services the authority page reads its parts through, so each part shows what
 * the matching API endpoint serves, read by the same query and mapping.
 */
@Component
record AuthorityServices(
    PageReads figures,
    Authorities authorities,
    ProgressReports progress,
    Totals totals,
    Benchmarks benchmarks,
    Payments payments,
    ReturnHistories returns,
    DataQualityReports quality) {
  AuthorityServices {
    requireNonNull(figures, "figures");
    requireNonNull(authorities, "authorities");
    requireNonNull(progress, "progress");
    requireNonNull(totals, "totals");
    requireNonNull(benchmarks, "benchmarks");
    requireNonNull(payments, "payments");
    requireNonNull(returns, "returns");
    requireNonNull(quality, "quality");
  }
}
