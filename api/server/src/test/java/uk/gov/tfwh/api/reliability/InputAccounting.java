package uk.gov.tfwh.api.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import uk.gov.tfwh.programme.reference.ReferenceDataLoader;
import uk.gov.tfwh.returns.model.ReturnSource;
import uk.gov.tfwh.returns.read.LandingFolder;
import uk.gov.tfwh.returns.read.ReadLimits;
import uk.gov.tfwh.returns.read.ReturnReader;

/**
 * Whether the current snapshot's load report (its {@code load-report.json}, or its release row's
 * report on the Iceberg store) accounts for every input in the landing folder: every return and
 * every claim row read, as the plain-Java reader counts them there, and every one read either
 * accepted or rejected.
 */
final class InputAccounting {
  private InputAccounting() {}

  static void assertEveryInputAccountedFor(TrialStore store, Path landing, Path reference) {
    String current = store.releases().currentId().orElseThrow();
    JsonNode report = store.report(current);
    assertThat(report.path("snapshotId").asText()).isEqualTo(current);
    JsonNode totals = report.path("totals");
    ReturnReader reader =
        new ReturnReader(ReferenceDataLoader.load(reference), ReadLimits.defaults());
    List<ReturnSource> returns = LandingFolder.scan(landing).returns();
    long claimRows = returns.stream().mapToLong(r -> reader.read(landing, r).claimRowsRead()).sum();
    long returnsRead = totals.path("returnsRead").asLong(-1);
    long claimRowsRead = totals.path("claimRowsRead").asLong(-1);
    assertThat(returnsRead).as("returns read in %s", current).isEqualTo(returns.size());
    assertThat(totals.path("returnsAccepted").asLong() + totals.path("returnsRejected").asLong())
        .as("returns accepted + rejected in %s", current)
        .isEqualTo(returnsRead);
    assertThat(claimRowsRead).as("claim rows read in %s", current).isEqualTo(claimRows);
    assertThat(claimRowsRead).as("the landing folder has claim rows").isPositive();
    assertThat(
            totals.path("claimRowsAccepted").asLong() + totals.path("claimRowsRejected").asLong())
        .as("claim rows accepted + rejected in %s", current)
        .isEqualTo(claimRowsRead);
  }
}
