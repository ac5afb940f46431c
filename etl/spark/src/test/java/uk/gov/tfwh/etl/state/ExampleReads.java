package uk.gov.tfwh.etl.state;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import uk.gov.tfwh.etl.TestLandings;
import uk.gov.tfwh.etl.read.ClaimKeys;
import uk.gov.tfwh.etl.read.ReadReturn;
import uk.gov.tfwh.programme.reference.ReferenceDataLoader;
import uk.gov.tfwh.returns.history.ReturnVersion;
import uk.gov.tfwh.returns.landing.Provenance;
import uk.gov.tfwh.returns.model.ReturnOutcome;
import uk.gov.tfwh.returns.model.ReturnSource;
import uk.gov.tfwh.returns.read.LandingFolder;
import uk.gov.tfwh.returns.read.ReadLimits;
import uk.gov.tfwh.returns.read.ReturnReader;

/**
 * The contract's example returns as the reader leaves them (accepted, rejected, with claims, with
 * an offset in the submitted time), the first as if through the submission service: the values the
 * load state's forms must carry unchanged.
 */
final class ExampleReads {
  private ExampleReads() {}

  /** Every example return as the reader leaves it; one as if through the submission service. */
  static List<ReadReturn> of(Path temp) {
    Path landing = TestLandings.copyExamples(temp.resolve("landing-" + System.nanoTime()));
    ReturnReader reader =
        new ReturnReader(ReferenceDataLoader.load(TestLandings.reference()), ReadLimits.defaults());
    List<ReadReturn> read = new ArrayList<>();
    int i = 0;
    for (ReturnSource source : LandingFolder.scan(landing).returns()) {
      ReturnOutcome outcome = reader.read(landing, source);
      Provenance provenance =
          i++ == 0
              ? new Provenance(
                  "sub-1", Instant.parse("2026-12-06T02:30:00.123456789Z"), "a@b", true)
              : Provenance.OPERATOR_DROP;
      read.add(
          new ReadReturn(
              source.id(),
              source,
              i,
              Instant.parse("2026-12-06T01:02:03.123456789Z"),
              "release-" + i,
              outcome.acceptedSummary(),
              outcome
                  .summary()
                  .map(summary -> ReturnVersion.fingerprint(summary, outcome.claims()))
                  .orElse(null),
              outcome.claimRowsRead(),
              outcome.claimRowsRejected(),
              ClaimKeys.of(outcome.claims()),
              outcome.findings(),
              outcome.identity(),
              provenance));
    }
    return read;
  }
}
