package uk.gov.tfwh.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;

/**
 * The seed-1 sample as the demo and CI build it ({@code --seed 1 --faults 0.02}): its national
 * totals, read back through the real TFQR-1 reader, follow the published series of {@code
 * reference/programme-facts.md} within 3% at every published date, and equal the generation
 * manifest's totals (so broken returns and superseded versions do not count).
 */
class NationalTotalsTest {
  private static final double TOLERANCE = 0.03;

  /** A published national figure: phase, the quarter holding its "data as at" date, value. */
  private record Published(Phase phase, String quarter, String column, long value) {}

  // programme-facts.md, "Published national totals (phase 1)" and the phase 2 paragraph. A
  // figure published as at a month is matched to the quarter that month ends or follows
  // (December 2012 / January 2013 -> 2012Q4; May 2015, the final figure, -> 2015Q1, the last
  // quarter the sample has); ">111,000" is taken as 111,000.
  private static final List<Published> PUBLISHED =
      List.of(
          new Published(Phase.ONE, "2012Q4", "identified", 62_500),
          new Published(Phase.ONE, "2012Q4", "attached", 23_000),
          new Published(Phase.ONE, "2012Q4", "turned_around", 1_675),
          new Published(Phase.ONE, "2013Q1", "identified", 66_470),
          new Published(Phase.ONE, "2013Q1", "attached", 35_618),
          new Published(Phase.ONE, "2013Q1", "turned_around", 1_675),
          new Published(Phase.ONE, "2013Q2", "identified", 80_000),
          new Published(Phase.ONE, "2013Q2", "attached", 50_000),
          new Published(Phase.ONE, "2013Q2", "turned_around", 14_000),
          new Published(Phase.ONE, "2013Q3", "identified", 92_694),
          new Published(Phase.ONE, "2013Q3", "attached", 62_527),
          new Published(Phase.ONE, "2013Q3", "crime_asb_education", 20_674),
          new Published(Phase.ONE, "2013Q3", "continuous_employment", 1_430),
          new Published(Phase.ONE, "2013Q3", "progress_to_work", 2_025),
          new Published(Phase.ONE, "2013Q3", "turned_around", 22_140),
          new Published(Phase.ONE, "2014Q1", "identified", 111_000),
          new Published(Phase.ONE, "2014Q1", "attached", 97_000),
          new Published(Phase.ONE, "2014Q1", "turned_around", 39_480),
          new Published(Phase.ONE, "2014Q3", "identified", 117_910),
          new Published(Phase.ONE, "2014Q3", "attached", 117_267),
          new Published(Phase.ONE, "2014Q3", "crime_asb_education", 77_270),
          new Published(Phase.ONE, "2014Q3", "continuous_employment", 8_033),
          new Published(Phase.ONE, "2014Q3", "progress_to_work", 7_347),
          new Published(Phase.ONE, "2014Q3", "turned_around", 85_303),
          new Published(Phase.ONE, "2014Q4", "identified", 117_910),
          new Published(Phase.ONE, "2014Q4", "attached", 117_910),
          new Published(Phase.ONE, "2014Q4", "continuous_employment", 10_508),
          new Published(Phase.ONE, "2014Q4", "turned_around", 105_671),
          new Published(Phase.ONE, "2015Q1", "identified", 117_910),
          new Published(Phase.ONE, "2015Q1", "attached", 117_910),
          new Published(Phase.ONE, "2015Q1", "turned_around", 116_654),
          // "about 185,000 families supported and about 53,000 successful outcomes by early 2017"
          new Published(Phase.TWO, "2016Q4", "attached", 185_000),
          new Published(Phase.TWO, "2016Q4", "outcomes", 53_000),
          // "380,426 families attached, 171,890 sustained-progress and 20,366 continuous-employment
          // outcomes by March 2019"
          new Published(Phase.TWO, "2019Q1", "attached", 380_426),
          new Published(Phase.TWO, "2019Q1", "sustained_progress", 171_890),
          new Published(Phase.TWO, "2019Q1", "continuous_employment", 20_366));

  private static Path sample() {
    return GeneratedLandings.generated(1, "1", "0.02");
  }

  @Test
  void nationalTotalsReadBackFollowThePublishedSeriesWithin3Percent() {
    Map<Phase, TreeMap<Quarter, long[]>> totals =
        new CurrentReturns(GeneratedLandings.read(sample()).outcomes()).nationalTotals();
    for (Published published : PUBLISHED) {
      long[] sums = totals.get(published.phase()).get(Quarter.parse(published.quarter()));
      assertThat(sums).as("returns for %s", published).isNotNull();
      long generated =
          switch (published.column()) {
            case "identified" -> sums[0];
            case "attached" -> sums[1];
            case "crime_asb_education" -> sums[2];
            case "continuous_employment" -> sums[3];
            case "progress_to_work" -> sums[4];
            case "sustained_progress" -> sums[5];
            case "turned_around" -> sums[2] + sums[3];
            case "outcomes" -> sums[5] + sums[3];
            default -> throw new IllegalArgumentException(published.column());
          };
      assertThat((double) generated)
          .as("%s (generated %d)", published, generated)
          .isCloseTo(published.value(), within(published.value() * TOLERANCE));
    }
  }

  @Test
  void theManifestTotalsAreWhatTheReaderAcceptsAsCurrent() {
    Map<Phase, TreeMap<Quarter, long[]>> totals =
        new CurrentReturns(GeneratedLandings.read(sample()).outcomes()).nationalTotals();
    JsonNode manifest = GeneratedLandings.json(sample().resolve("generation-manifest.json"));
    Map<String, JsonNode> rows = new HashMap<>();
    for (JsonNode row : manifest.get("national_totals")) {
      rows.put(row.get("phase").asInt() + "/" + row.get("period_end").asText(), row);
    }
    int compared = 0;
    for (var phase : totals.entrySet()) {
      for (var quarter : phase.getValue().entrySet()) {
        JsonNode row = rows.get(phase.getKey().number() + "/" + quarter.getKey().end());
        assertThat(row).as("manifest row for %s %s", phase.getKey(), quarter.getKey()).isNotNull();
        long[] s = quarter.getValue();
        assertThat(row.get("families_identified").asLong()).isEqualTo(s[0]);
        assertThat(row.get("families_attached").asLong()).isEqualTo(s[1]);
        assertThat(row.get("results_continuous_employment").asLong()).isEqualTo(s[3]);
        if (phase.getKey() == Phase.ONE) {
          assertThat(row.get("results_crime_asb_education").asLong()).isEqualTo(s[2]);
          assertThat(row.get("results_progress_to_work").asLong()).isEqualTo(s[4]);
        } else {
          assertThat(row.get("results_sustained_progress").asLong()).isEqualTo(s[5]);
        }
        compared++;
      }
    }
    assertThat(compared).isEqualTo(rows.size());
    // Phase 1: 12 quarters; phase 2: 2014Q3 (early starters) to 2020Q1, 23 quarters.
    assertThat(compared).isEqualTo(12 + 23);
    assertThat(rows.get("2/2014-09-30").get("authorities").asInt()).isBetween(45, 56);
    assertThat(rows.get("2/2015-06-30").get("authorities").asInt()).isEqualTo(152);
    assertThat(rows.get("1/" + LocalDate.of(2015, 3, 31)).get("authorities").asInt())
        .isEqualTo(152);
  }
}
