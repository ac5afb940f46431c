package uk.gov.tfwh.warehouse.query.league;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.gov.tfwh.warehouse.query.Query;
import uk.gov.tfwh.warehouse.query.QueryResult;
import uk.gov.tfwh.warehouse.query.ResultColumn;

/** The league table's rows, read once for the API's pages and the exports' briefing. */
class LeagueTableRowTest {
  @Test
  void readsEachColumnByItsMeaning() {
    LeagueTableRow row = LeagueTableRow.of(result(kent(12L))).get(0);

    assertThat(row.authorityCode()).isEqualTo("E10000016");
    assertThat(row.authorityName()).isEqualTo("Kent");
    assertThat(row.regionName()).isEqualTo("South East");
    assertThat(row.target()).isEqualTo(2560);
    assertThat(row.turnedAround()).isEqualTo(640L);
    assertThat(row.percentOfTarget()).isEqualByComparingTo("25.0");
    assertThat(row.rank()).isEqualTo(7);
    assertThat(row.typeName()).isEqualTo("County");
    assertThat(row.changeText()).isEqualTo("+12");
  }

  @Test
  void anAuthorityNewToTheTableHasNoChange() {
    LeagueTableRow row = LeagueTableRow.of(result(kent(null))).get(0);

    assertThat(row.changeInTurnedAround()).isNull();
    assertThat(row.changeText()).isNull();
  }

  private static Map<String, Object> kent(Long change) {
    Map<String, Object> values = new HashMap<>();
    values.put("authority_code", "E10000016");
    values.put("authority_name", "Kent");
    values.put("region_code", "E12000008");
    values.put("region_name", "South East");
    values.put("authority_type", "county");
    values.put("target_families", 2560);
    values.put("target_basis", "allocation");
    values.put("families_attached", 1200L);
    values.put("turned_around", 640L);
    values.put("percent_of_target", new BigDecimal("25.0"));
    values.put("national_rank", 7);
    values.put("region_rank", 2);
    values.put("type_rank", 3);
    values.put("quartile", 2);
    values.put("change_in_turned_around", change);
    return values;
  }

  /** One row of {@code league_table.sql}, its columns in the query's order, the rest null. */
  private static QueryResult result(Map<String, Object> values) {
    List<Object> row = new ArrayList<>();
    for (ResultColumn column : Query.LEAGUE_TABLE.columns()) {
      row.add(values.get(column.name()));
    }
    return new QueryResult(Query.LEAGUE_TABLE.columns(), List.of(row), "s1");
  }
}
