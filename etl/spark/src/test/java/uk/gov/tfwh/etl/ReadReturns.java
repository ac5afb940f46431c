package uk.gov.tfwh.etl;

import java.time.OffsetDateTime;
import java.util.List;
import uk.gov.tfwh.etl.read.ClaimKeys;
import uk.gov.tfwh.etl.read.ReadReturn;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;
import uk.gov.tfwh.returns.model.ReturnFormat;
import uk.gov.tfwh.returns.model.ReturnIdentity;
import uk.gov.tfwh.returns.model.ReturnSource;
import uk.gov.tfwh.returns.model.ReturnSummary;
import uk.gov.tfwh.returns.model.SourceFile;

/** Returns as a load keeps them, without claims, for rules that look only at versions. */
public final class ReadReturns {
  private static final OffsetDateTime SIGNED = OffsetDateTime.parse("2013-10-01T09:00:00Z");

  private ReadReturns() {}

  /** An accepted phase 1 return of an authority for a quarter of 2013, read by the first load. */
  public static ReadReturn accepted(String id, String authority, int quarterOf2013) {
    ReturnSummary summary =
        new ReturnSummary(
            2,
            authority,
            authority,
            Phase.ONE,
            Quarter.of(2013, quarterOf2013),
            100,
            80,
            0L,
            0,
            0L,
            null,
            SIGNED,
            "tf@example.gov.uk",
            "A. Director",
            "");
    return new ReadReturn(
        id,
        source(id),
        0,
        SIGNED.toInstant(),
        "snapshot",
        summary,
        "fingerprint",
        0,
        0,
        ClaimKeys.of(List.of()),
        List.of(),
        ReturnIdentity.UNKNOWN);
  }

  /** A return the reader rejected: no summary, nothing loaded. */
  public static ReadReturn rejected(String id) {
    return new ReadReturn(
        id,
        source(id),
        1,
        SIGNED.toInstant(),
        "snapshot",
        null,
        null,
        0,
        0,
        ClaimKeys.of(List.of()),
        List.of(),
        ReturnIdentity.UNKNOWN);
  }

  private static ReturnSource source(String id) {
    return new ReturnSource(
        id, ReturnFormat.CSV, List.of(new SourceFile(id + ".summary.csv", 1, "s")));
  }
}
