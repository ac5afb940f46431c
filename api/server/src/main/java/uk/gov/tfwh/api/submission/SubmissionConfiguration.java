package uk.gov.tfwh.api.submission;

import jakarta.servlet.MultipartConfigElement;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.gov.tfwh.api.access.Viewers;
import uk.gov.tfwh.api.config.ApiProperties;
import uk.gov.tfwh.programme.reference.ReferenceData;
import uk.gov.tfwh.programme.reference.ReferenceDataLoader;
import uk.gov.tfwh.programme.reference.SubmissionWindowsLoader;
import uk.gov.tfwh.returns.read.ReadLimits;
import uk.gov.tfwh.returns.read.ReturnReader;

/**
 * The submission service, when the service is given a landing folder ({@code
 * tfwh.submissions.landing}, {@code ./tfwh serve --landing}); without one there is no service and
 * the submission resources say so (503).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SubmissionProperties.class)
class SubmissionConfiguration {

  /**
   * Uploads: at most the reader's own limit a file (rule TFQR-F03), a CSV pair twice that, streamed
   * to disk as they arrive, never held in memory.
   */
  @Bean
  MultipartConfigElement multipartConfig() {
    long file = ReadLimits.defaults().maxFileBytes();
    return new MultipartConfigElement("", file, 2 * file + 64 * 1024, 0);
  }

  @Bean
  SubmissionDesk submissionDesk(
      SubmissionProperties properties, ApiProperties api, WarehouseReturns warehouse) {
    if (!properties.enabled()) {
      return SubmissionDesk.closed();
    }
    ReferenceData reference = ReferenceDataLoader.load(properties.referenceOrDefault());
    SubmissionStore store = new SubmissionStore(properties.landing(), properties.folderOrDefault());
    return SubmissionDesk.open(
        new Submissions(
            store,
            new ReturnCheck(
                new ReturnReader(reference, ReadLimits.defaults()),
                store,
                warehouse::earlierVersions),
            reference,
            SubmissionWindowsLoader.load(
                properties.referenceOrDefault().resolve(SubmissionWindowsLoader.FILE)),
            warehouse::published,
            // Whoever signed in as the authority's SRO (users file flag or OpenID claim).
            viewer -> Viewers.currentSignsOff() && viewer.equals(Viewers.current()),
            new AuditLog(api.warehouse()),
            Clock.systemUTC(),
            QuarantineLimit.DEFAULTS));
  }
}
