package uk.gov.tfwh.warehouse.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;

/** Typed arguments bind as the catalogue's named ones, and a parameter a query lacks is refused. */
class QueryArgumentsTest {

  @Test
  void argumentsSetByWhatTheyAreBindAsTheQueryDeclaresThem() {
    QueryArguments arguments =
        QueryArguments.of(Query.LEAGUE_TABLE)
            .phase(Phase.ONE)
            .quarter(Quarter.of(2013, 3))
            .region(null)
            .authorityType("UA");

    assertThat(arguments.values())
        .containsExactly(
            java.util.Map.entry("phase", 1),
            java.util.Map.entry("period", LocalDate.of(2013, 9, 30)),
            java.util.Map.entry("authority_type", "UA"));
    assertThat(Query.LEAGUE_TABLE.bind(arguments.values()))
        .isEqualTo(
            Query.LEAGUE_TABLE.bind(
                java.util.Map.of(
                    "phase", 1, "period", LocalDate.of(2013, 9, 30), "authority_type", "UA")));
  }

  @Test
  void aNullValueUnsetsAnOptionalParameter() {
    QueryArguments arguments =
        QueryArguments.of(Query.PAYMENTS).phase(Phase.TWO).authority("E10000016").authority(null);

    assertThat(arguments.values()).containsOnlyKeys("phase");
  }

  @Test
  void aParameterTheQueryDoesNotDeclareIsRefusedNamingIt() {
    assertThatThrownBy(
            () -> QueryArguments.of(Query.AUTHORITY_PROGRESS).quarter(Quarter.of(2013, 3)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("authority_progress has no parameter 'period'");
  }

  @Test
  void theSameArgumentsServeAnotherQueryOnlyWhenItDeclaresThemAll() {
    QueryArguments quality =
        QueryArguments.of(Query.DATA_QUALITY).phase(Phase.ONE).quarter(Quarter.of(2013, 3));

    QueryArguments findings = quality.forQuery(Query.DATA_QUALITY_FINDINGS);

    assertThat(findings.query()).isEqualTo(Query.DATA_QUALITY_FINDINGS);
    assertThat(findings.values()).isEqualTo(quality.values());
    assertThatThrownBy(() -> quality.forQuery(Query.AUTHORITY_PROGRESS))
        .hasMessage("authority_progress has no parameter 'period'");
  }

  @Test
  void aRequiredParameterLeftUnsetIsRefusedWhenBound() {
    QueryArguments arguments = QueryArguments.of(Query.NATIONAL_TOTALS).phase(Phase.ONE);

    assertThatThrownBy(() -> Query.NATIONAL_TOTALS.bind(arguments.values()))
        .hasMessageContaining("needs parameter 'period'");
  }
}
