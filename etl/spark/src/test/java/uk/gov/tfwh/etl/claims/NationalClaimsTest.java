package uk.gov.tfwh.etl.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import uk.gov.tfwh.etl.read.ClaimKeys;
import uk.gov.tfwh.etl.read.ReadReturn;
import uk.gov.tfwh.programme.outcome.ClaimResult;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;
import uk.gov.tfwh.returns.model.Claim;
import uk.gov.tfwh.returns.model.Finding;
import uk.gov.tfwh.returns.model.ReturnFormat;
import uk.gov.tfwh.returns.model.ReturnSource;
import uk.gov.tfwh.returns.model.ReturnSummary;
import uk.gov.tfwh.returns.model.SourceFile;

/** The national claim rules over returns' claim keys, without Spark. */
class NationalClaimsTest {
  private static final String FAMILY_A = "aaaaaaaaaaaaaaaa";
  private static final String FAMILY_B = "bbbbbbbbbbbbbbbb-1";
  private static final String FAMILY_C = "cccccccccccccccc";

  private static Claim claim(int row, String family, ClaimResult result) {
    return new Claim(
        row,
        family,
        LocalDate.of(2013, 1, 10),
        result,
        LocalDate.of(2013, 9, 1),
        new TreeSet<>(List.of("CRIME_ASB")));
  }

  private static ReadReturn phaseOne(
      String id, String authority, String submittedAt, List<Claim> claims) {
    ReturnSummary summary =
        new ReturnSummary(
            2,
            authority,
            authority,
            Phase.ONE,
            Quarter.of(2013, 3),
            100,
            80,
            0L,
            0,
            0L,
            null,
            OffsetDateTime.parse(submittedAt),
            "tf@example.gov.uk",
            "A. Director",
            "");
    ReturnSource source =
        new ReturnSource(
            id,
            ReturnFormat.CSV,
            List.of(
                new SourceFile(id + ".summary.csv", 1, "s"),
                new SourceFile(id + ".claims.csv", 1, "c")));
    return new ReadReturn(
        id,
        source,
        0,
        // Received by one load just as it was signed off: within a load, submitted_at orders.
        summary.submittedAt().toInstant(),
        "snapshot",
        summary,
        "fingerprint",
        claims.size(),
        0,
        ClaimKeys.of(claims),
        List.of(),
        uk.gov.tfwh.returns.model.ReturnIdentity.UNKNOWN);
  }

  @Test
  void aFamilyClaimedAgainByAnotherAuthorityIsRefusedAndReportedAsAMove() {
    ReadReturn leeds =
        phaseOne(
            "leeds",
            "E08000035",
            "2013-10-01T09:00:00Z",
            List.of(
                claim(2, FAMILY_A, ClaimResult.CRIME_ASB_EDUCATION),
                claim(3, FAMILY_B, ClaimResult.PROGRESS_TO_WORK)));
    ReadReturn bradford =
        phaseOne(
            "bradford",
            "E08000032",
            "2013-10-02T09:00:00Z",
            List.of(
                claim(2, FAMILY_C, ClaimResult.CRIME_ASB_EDUCATION),
                claim(3, FAMILY_A, ClaimResult.CONTINUOUS_EMPLOYMENT),
                claim(4, FAMILY_B, ClaimResult.PROGRESS_TO_WORK)));

    NationalClaims.Outcome outcome = NationalClaims.check(List.of(bradford, leeds));

    // Leeds submitted first, so Bradford's claims for the same families are the repeats.
    assertThat(outcome.refused())
        .containsExactly(
            new NationalClaims.Refusal("bradford", 3), new NationalClaims.Refusal("bradford", 4));
    assertThat(outcome.findingsByReturn()).containsOnlyKeys("bradford");
    assertThat(outcome.findingsByReturn().get("bradford"))
        .extracting(Finding::ruleId)
        .containsExactly("TFQR-C08", "TFQR-W03", "TFQR-C09", "TFQR-W03");
    assertThat(outcome.acceptedCounts())
        .containsEntry(
            "leeds", Map.of(ClaimResult.CRIME_ASB_EDUCATION, 1L, ClaimResult.PROGRESS_TO_WORK, 1L))
        .containsEntry("bradford", Map.of(ClaimResult.CRIME_ASB_EDUCATION, 1L));
  }

  @Test
  void familiesClaimedOnceAreAcceptedWithoutFindings() {
    List<Claim> claims = new ArrayList<>();
    for (int row = 2; row < 500; row++) {
      claims.add(claim(row, "family-%012d".formatted(row), ClaimResult.CRIME_ASB_EDUCATION));
    }
    ReadReturn one = phaseOne("one", "E08000035", "2013-10-01T09:00:00Z", claims);

    NationalClaims.Outcome outcome = NationalClaims.check(List.of(one));

    assertThat(outcome.refused()).isEmpty();
    assertThat(outcome.findingsByReturn()).isEmpty();
    assertThat(outcome.acceptedCounts())
        .containsExactly(Map.entry("one", Map.of(ClaimResult.CRIME_ASB_EDUCATION, 498L)));
  }

  @Test
  void amongThousandsOfFamiliesEveryRepeatIsFoundAndNoOtherFamilyIsMistakenForOne() {
    // "Aa" and "BB" have the same String hash, so these references collide in pairs and the
    // index must tell them apart by their characters.
    List<Claim> earlier = new ArrayList<>();
    List<Claim> later = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      earlier.add(claim(i + 2, "family-%08d-Aa".formatted(i), ClaimResult.CRIME_ASB_EDUCATION));
      later.add(
          claim(
              i + 2,
              "family-%08d-%s".formatted(i, i % 10 == 0 ? "Aa" : "BB"),
              ClaimResult.CRIME_ASB_EDUCATION));
    }
    assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
    ReadReturn first = phaseOne("first", "E08000035", "2013-10-01T09:00:00Z", earlier);
    ReadReturn second = phaseOne("second", "E08000035", "2013-10-02T09:00:00Z", later);

    NationalClaims.Outcome outcome = NationalClaims.check(List.of(second, first));

    assertThat(outcome.refused()).hasSize(500);
    assertThat(outcome.refused())
        .allSatisfy(
            refusal -> {
              assertThat(refusal.returnId()).isEqualTo("second");
              assertThat((refusal.row() - 2) % 10).isZero();
            });
    assertThat(outcome.acceptedCounts())
        .containsEntry("first", Map.of(ClaimResult.CRIME_ASB_EDUCATION, 5_000L))
        .containsEntry("second", Map.of(ClaimResult.CRIME_ASB_EDUCATION, 4_500L));
  }

  @Test
  void aReturnWhoseEveryClaimIsRefusedHasNoAcceptedCounts() {
    ReadReturn first =
        phaseOne(
            "first",
            "E08000035",
            "2013-10-01T09:00:00Z",
            List.of(claim(2, FAMILY_A, ClaimResult.CRIME_ASB_EDUCATION)));
    ReadReturn again =
        phaseOne(
            "again",
            "E08000035",
            "2013-10-05T09:00:00Z",
            List.of(claim(2, FAMILY_A, ClaimResult.CRIME_ASB_EDUCATION)));

    NationalClaims.Outcome outcome = NationalClaims.check(List.of(first, again));

    assertThat(outcome.refused()).containsExactly(new NationalClaims.Refusal("again", 2));
    assertThat(outcome.findingsByReturn().get("again"))
        .extracting(Finding::ruleId)
        .containsExactly("TFQR-C08");
    assertThat(outcome.acceptedCounts()).containsOnlyKeys("first");
  }

  @Test
  void claimKeysKeepEveryFamilyRowAndResult() {
    List<Claim> claims =
        List.of(
            claim(7, FAMILY_B, ClaimResult.PROGRESS_TO_WORK),
            claim(9, FAMILY_A, ClaimResult.SUSTAINED_PROGRESS));
    ClaimKeys keys = ClaimKeys.of(claims);
    assertThat(keys.size()).isEqualTo(2);
    assertThat(List.of(keys.familyRef(0), keys.familyRef(1))).containsExactly(FAMILY_B, FAMILY_A);
    assertThat(List.of(keys.row(0), keys.row(1))).containsExactly(7, 9);
    assertThat(List.of(keys.result(0), keys.result(1)))
        .containsExactly(ClaimResult.PROGRESS_TO_WORK, ClaimResult.SUSTAINED_PROGRESS);
    assertThat(ClaimKeys.of(List.of()).size()).isZero();
    assertThat(keys)
        .isEqualTo(ClaimKeys.of(claims))
        .isNotEqualTo(ClaimKeys.of(claims.subList(0, 1)));
    assertThatThrownBy(
            () ->
                ClaimKeys.of(List.of(claim(2, "abc,defghijklmnop", ClaimResult.PROGRESS_TO_WORK))))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
