package uk.gov.tfwh.warehouse.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.gov.tfwh.warehouse.table.ColumnType;

class CatalogueSqlTest {
  private static final Map<String, ColumnType> TYPES =
      Map.of("phase", ColumnType.INT, "region", ColumnType.STRING, "period", ColumnType.DATE);

  @Test
  void namedParametersBecomeTypedMarkersInOrderAndMayRepeat() {
    CatalogueSql sql =
        CatalogueSql.parse(
            "SELECT 1 FROM t WHERE phase = :phase AND (:region IS NULL OR r = :region)", TYPES);

    assertThat(sql.sql())
        .isEqualTo(
            "SELECT 1 FROM t WHERE phase = CAST(? AS INTEGER) AND (CAST(? AS VARCHAR) IS NULL OR r"
                + " = CAST(? AS VARCHAR))");
    assertThat(sql.parameterOrder()).containsExactly("phase", "region", "region");
  }

  @Test
  void literalsCommentsAndCastsAreLeftAlone() {
    CatalogueSql sql =
        CatalogueSql.parse(
            "-- a comment: with :phase\nSELECT ':phase', 'it''s :region', x::INT FROM \":period\""
                + " WHERE d = :period -- trailing :region",
            TYPES);

    assertThat(sql.sql())
        .isEqualTo(
            "SELECT ':phase', 'it''s :region', x::INT FROM \":period\" WHERE d = CAST(? AS DATE)");
    assertThat(sql.parameterOrder()).containsExactly("period");
  }

  @Test
  void unknownParametersAndPositionalMarkersAreRefused() {
    assertThatThrownBy(() -> CatalogueSql.parse("SELECT :nope", TYPES))
        .hasMessageContaining(":nope");
    assertThatThrownBy(() -> CatalogueSql.parse("SELECT ?", TYPES)).hasMessageContaining("?");
    assertThatThrownBy(() -> CatalogueSql.parse("SELECT 'open", TYPES))
        .hasMessageContaining("unterminated");
  }
}
