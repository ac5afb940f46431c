package uk.gov.tfwh.api.access;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.tfwh.api.access.AccessFixture.OWN;
import static uk.gov.tfwh.api.access.AccessFixture.token;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A coordinator reads its own authority's pre-release figures without their ranks: a rank or
 * quartile is worked out over every authority's figures, so one that moved while the authority's
 * own figure stood still would tell the coordinator that another authority's unpublished figures
 * had changed. The same coordinator's published figures, the national team's pre-release ones and
 * the public's keep their ranks; the API, its table export and the profile read through one rule.
 */
class PreReleaseRanksTest extends RealHttpTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PROGRESS = "/api/v1/authorities/" + OWN + "/progress?phase=1";
  private static final List<String> RANKS = List.of("rank", "region_rank", "type_rank", "quartile");

  @Test
  void theCoordinatorsOwnPreReleaseProgressHasItsFiguresButNoRanks() throws Exception {
    JsonNode own = rows(get(PROGRESS, token("coordinator")));
    JsonNode national = rows(get(PROGRESS, token("national")));
    JsonNode published = rows(get(PROGRESS, null));

    assertThat(own.size()).isPositive().isEqualTo(national.size());
    for (int i = 0; i < own.size(); i++) {
      assertThat(own.get(i).get("turned_around"))
          .as("the coordinator's own pre-release figure")
          .isEqualTo(national.get(i).get("turned_around"));
      for (String rank : RANKS) {
        assertThat(own.get(i).get(rank).isNull()).as(rank + " withheld").isTrue();
        assertThat(national.get(i).get(rank).isNull())
            .as(rank + " for the national team")
            .isFalse();
        assertThat(published.get(i).get(rank).isNull()).as(rank + " published").isFalse();
      }
    }
  }

  @Test
  void theProgressExportOfTheCoordinatorsOwnPreReleaseHasEmptyRankCells() {
    String path = "/api/v1/exports/progress.csv?phase=1&authority=" + OWN;
    List<String> own = csv(get(path, token("coordinator")));
    List<String> national = csv(get(path, token("national")));
    List<String> header = List.of(own.get(0).split(",", -1));
    assertThat(own).hasSameSizeAs(national).hasSizeGreaterThan(1);
    for (int row = 1; row < own.size(); row++) {
      String[] ownCells = own.get(row).split(",", -1);
      String[] nationalCells = national.get(row).split(",", -1);
      for (String rank : List.of("National rank", "Region rank", "Type rank", "Quartile")) {
        int column = header.indexOf(rank);
        assertThat(column).as(rank + " in " + header).isNotNegative();
        assertThat(ownCells[column]).as(rank).isEmpty();
        assertThat(nationalCells[column]).as(rank).isNotEmpty();
      }
    }
  }

  private static JsonNode rows(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body()).get("rows");
  }

  /** The CSV's table lines: those after its comment lines, without a byte-order mark. */
  private static List<String> csv(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response
        .body()
        .replace("\uFEFF", "")
        .lines()
        .filter(line -> !line.startsWith("#") && !line.isBlank())
        .toList();
  }
}
