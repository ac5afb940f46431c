package uk.gov.tfwh.api.web.league;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.gov.tfwh.api.web.page.BadPageRequest;
import uk.gov.tfwh.api.web.page.Choices;
import uk.gov.tfwh.api.web.page.Period;

class LeagueFilterTest {
  private static final Period P1Q2 = new Period(1, LocalDate.of(2013, 9, 30), "2013Q3", "2013/14");
  private static final Period P1Q3 = new Period(1, LocalDate.of(2014, 9, 30), "2014Q3", "2014/15");
  private static final Period P2Q1 = new Period(2, LocalDate.of(2014, 9, 30), "2014Q3", "2014/15");
  private static final Choices CHOICES =
      new Choices(
          List.of(P1Q2, P1Q3, P2Q1),
          Map.of("E12000001", "North East"),
          Map.of("UA", "Unitary authority"));

  @Test
  void withoutParametersShowsTheLatestQuarterByRank() {
    LeagueFilter filter = LeagueFilter.parse(CHOICES, null, null, null, null, null, null);

    assertThat(filter.period()).isEqualTo(P2Q1);
    assertThat(filter.sort()).isEqualTo(LeagueSort.RANK);
    assertThat(filter.descending()).isFalse();
    assertThat(filter.region()).isNull();
    assertThat(filter.type()).isNull();
  }

  @Test
  void itsAddressCarriesEveryFilterSoACopiedLinkRestoresThem() {
    LeagueFilter filter =
        LeagueFilter.parse(CHOICES, "1", "2013-09-30", "E12000001", "UA", "name", "desc");

    assertThat(filter.self())
        .isEqualTo("/?phase=1&period=2013-09-30&region=E12000001&type=UA&sort=name&order=desc");
    LeagueFilter again =
        LeagueFilter.parse(CHOICES, "1", "2013-09-30", "E12000001", "UA", "name", "desc");
    assertThat(again).isEqualTo(filter);
    assertThat(filter.region()).isEqualTo("E12000001");
    assertThat(filter.type()).isEqualTo("UA");
  }

  @Test
  void quartersRegionsAndTypesAreTakenAsTheApiTakesThem() {
    LeagueFilter byLabel =
        LeagueFilter.parse(CHOICES, "1", "2013Q3", "north east", "unitary AUTHORITY", null, null);
    LeagueFilter byCode =
        LeagueFilter.parse(CHOICES, "1", "2013-09-30", "E12000001", "UA", null, null);

    assertThat(byLabel).isEqualTo(byCode);
    assertThat(LeagueFilter.parse(CHOICES, "1", "2013q3", "e12000001", "ua", null, null))
        .isEqualTo(byCode);
  }

  @Test
  void anUnknownRegionOrTypeListsTheValidOnes() {
    assertThatThrownBy(
            () -> LeagueFilter.parse(CHOICES, null, null, "South Downs", null, null, null))
        .isInstanceOf(BadPageRequest.class)
        .hasMessage(
            "region: there is no region 'South Downs'; choose one of E12000001 (North East)");
    assertThatThrownBy(
            () -> LeagueFilter.parse(CHOICES, null, "2013-13-31", null, null, null, null))
        .isInstanceOf(BadPageRequest.class)
        .hasMessage(
            "period must be a quarter such as 2013Q3 or its last day such as 2013-09-30, not"
                + " '2013-13-31'");
  }

  /** The pages read a period by the API's rule, so a slip is told the same form to write. */
  @Test
  void aPeriodWrittenAnotherWayIsToldTheFormToWriteAsTheApiSays() {
    assertThatThrownBy(() -> LeagueFilter.parse(CHOICES, "1", "30/09/2013", null, null, null, null))
        .isInstanceOf(BadPageRequest.class)
        .hasMessage(
            "period must be a quarter such as 2013Q3 or its last day such as 2013-09-30, not"
                + " '30/09/2013' (written 2013-09-30 it is 2013Q3)");
  }

  @Test
  void sortingByTheSameColumnAgainReversesIt() {
    LeagueFilter filter = LeagueFilter.parse(CHOICES, null, null, null, null, "name", "asc");

    assertThat(filter.sortLink(LeagueSort.NAME)).contains("sort=name&order=desc");
    assertThat(filter.sortLink(LeagueSort.PERCENT)).contains("sort=percent&order=desc");
    assertThat(filter.ariaSort(LeagueSort.NAME)).isEqualTo("ascending");
    assertThat(filter.ariaSort(LeagueSort.RANK)).isEqualTo("none");
  }

  @Test
  void aQuarterOfTheOtherPhaseOnlyGivesThePhasesLatest() {
    LeagueFilter filter = LeagueFilter.parse(CHOICES, "2", "2013-09-30", null, null, null, null);

    assertThat(filter.period()).isEqualTo(P2Q1);
  }

  @Test
  void refusesWhatTheSnapshotDoesNotOfferNamingTheParameter() {
    assertThatThrownBy(() -> LeagueFilter.parse(CHOICES, "3", null, null, null, null, null))
        .isInstanceOf(BadPageRequest.class)
        .hasMessageStartingWith("phase");
    assertThatThrownBy(
            () -> LeagueFilter.parse(CHOICES, null, "2013-06-30", null, null, null, null))
        .isInstanceOf(BadPageRequest.class)
        .hasMessageStartingWith("period");
    assertThatThrownBy(() -> LeagueFilter.parse(CHOICES, null, null, "E12000009", null, null, null))
        .isInstanceOf(BadPageRequest.class)
        .hasMessageStartingWith("region");
    assertThatThrownBy(() -> LeagueFilter.parse(CHOICES, null, null, null, "XX", null, null))
        .isInstanceOf(BadPageRequest.class)
        .hasMessageStartingWith("type");
    assertThatThrownBy(() -> LeagueFilter.parse(CHOICES, null, null, null, null, "colour", null))
        .isInstanceOf(BadPageRequest.class)
        .hasMessageStartingWith("sort");
  }
}
