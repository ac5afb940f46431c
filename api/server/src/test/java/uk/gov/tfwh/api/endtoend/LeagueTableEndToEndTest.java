package uk.gov.tfwh.api.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.gov.tfwh.warehouse.query.Query;
import uk.gov.tfwh.warehouse.query.QueryResult;
import uk.gov.tfwh.warehouse.testing.SnapshotFixture;

class LeagueTableEndToEndTest extends ApiEndToEndTest {

  @Test
  void servesThePublishedLeagueTableWithTheIssuesShape() {
    JsonNode table = json("/api/v1/league-table?phase=1&period=2013Q3");

    assertThat(table.path("phase").asInt()).isEqualTo(1);
    assertThat(table.path("period").asText()).isEqualTo("2013-09-30");
    assertThat(table.path("snapshot").asText()).isEqualTo(FixtureWarehouse.PUBLISHED);
    JsonNode rows = table.path("rows");
    assertThat(rows).hasSize(7);
    List<String> fields = new ArrayList<>();
    rows.get(0).fieldNames().forEachRemaining(fields::add);
    assertThat(fields)
        .containsSubsequence(
            "authority_code",
            "authority_name",
            "region",
            "authority_type",
            "target",
            "target_basis",
            "families_attached",
            "turned_around",
            "percent_of_target",
            "rank",
            "region_rank",
            "type_rank",
            "quartile",
            "change_since_previous_quarter");
  }

  @Test
  void figuresAreTheWarehousesAndRanksAndPercentsAreRecomputedIndependently() {
    JsonNode rows = json("/api/v1/league-table?phase=1&period=2013-09-30").path("rows");
    QueryResult direct =
        direct(
            FixtureWarehouse.PUBLISHED,
            Query.LEAGUE_TABLE,
            Map.of("phase", 1, "period", SnapshotFixture.Q2));

    assertThat(rows).hasSize(direct.size());
    for (int i = 0; i < rows.size(); i++) {
      JsonNode row = rows.get(i);
      assertThat(row.path("authority_code").asText())
          .isEqualTo(direct.value(i, "authority_code", String.class));
      assertThat(row.path("turned_around").asLong())
          .isEqualTo(direct.value(i, "turned_around", Long.class));
      assertThat(row.path("target").asInt())
          .isEqualTo(direct.value(i, "target_families", Integer.class));
      assertThat(row.path("region").asText())
          .isEqualTo(direct.value(i, "region_name", String.class));
    }

    // Percent: 100 x turned around / target, half-up to one decimal.
    for (JsonNode row : rows) {
      BigDecimal expected =
          BigDecimal.valueOf(100 * row.path("turned_around").asLong())
              .divide(BigDecimal.valueOf(row.path("target").asLong()), 1, RoundingMode.HALF_UP);
      assertThat(row.path("percent_of_target").decimalValue()).isEqualByComparingTo(expected);
    }
    // Rank: 1 + how many have a strictly higher exact ratio (ties share; "1224").
    for (JsonNode row : rows) {
      long higher = 0;
      for (JsonNode other : rows) {
        if (other.path("turned_around").asLong() * row.path("target").asLong()
            > row.path("turned_around").asLong() * other.path("target").asLong()) {
          higher++;
        }
      }
      assertThat(row.path("rank").asLong())
          .as(row.path("authority_name").asText())
          .isEqualTo(1 + higher);
    }
    assertThat(rows.findValuesAsText("rank")).startsWith("1", "1", "1", "4", "5", "6", "7");
  }

  @Test
  void filtersByRegionAndType() {
    JsonNode all = json("/api/v1/league-table?phase=1&period=2013Q3").path("rows");
    String region = all.get(0).path("region").asText();
    JsonNode inRegion =
        json("/api/v1/league-table?phase=1&period=2013Q3&region=" + region.replace(" ", "%20"))
            .path("rows");
    assertThat(inRegion.size()).isPositive().isLessThan(all.size());
    inRegion.forEach(row -> assertThat(row.path("region").asText()).isEqualTo(region));

    String type = all.get(0).path("authority_type").asText();
    JsonNode ofType = json("/api/v1/league-table?phase=1&period=2013Q3&type=" + type).path("rows");
    assertThat(ofType.size()).isPositive().isLessThan(all.size());
    ofType.forEach(row -> assertThat(row.path("authority_type").asText()).isEqualTo(type));
  }

  @Test
  void regionsAndTypesAreNamedByCodeOrNameInAnyCase() {
    JsonNode all = json("/api/v1/league-table?phase=1&period=2013Q3").path("rows");
    String region = all.get(0).path("region").asText();
    String regionCode = all.get(0).path("region_code").asText();
    String type = all.get(0).path("authority_type").asText();
    JsonNode byCode =
        json("/api/v1/league-table?phase=1&period=2013Q3&region=" + regionCode + "&type=" + type)
            .path("rows");
    assertThat(byCode.size()).isPositive();

    for (String asked :
        List.of(
            "region=" + encoded(region.toLowerCase(java.util.Locale.ROOT)),
            "region=" + encoded(region.toUpperCase(java.util.Locale.ROOT)),
            "region=" + regionCode.toLowerCase(java.util.Locale.ROOT))) {
      for (String typeAsked :
          List.of(
              type.toUpperCase(java.util.Locale.ROOT),
              encoded(uk.gov.tfwh.programme.reference.AuthorityType.nameOf(type)))) {
        assertThat(
                json("/api/v1/league-table?phase=1&period=2013Q3&" + asked + "&type=" + typeAsked)
                    .path("rows"))
            .as(asked + " and type=" + typeAsked)
            .isEqualTo(byCode);
      }
    }
  }

  @Test
  void anUnknownRegionOrTypeIsRefusedWithEveryValidValueListed() {
    JsonNode region = problem("/api/v1/league-table?phase=1&period=2013Q3&region=Atlantis", 400);
    assertThat(region.path("parameter").asText()).isEqualTo("region");
    assertThat(region.path("detail").asText())
        .contains("there is no region 'Atlantis'")
        .contains("choose one of")
        .contains(
            json("/api/v1/league-table?phase=1&period=2013Q3")
                .path("rows")
                .get(0)
                .path("region")
                .asText());

    JsonNode type = problem("/api/v1/league-table?phase=1&period=2013Q3&type=MD", 400);
    assertThat(type.path("parameter").asText()).isEqualTo("type");
    assertThat(type.path("detail").asText())
        .contains("there is no type 'MD'")
        .contains("unitary (Unitary authority)");
  }

  private static String encoded(String value) {
    return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
  }
}
