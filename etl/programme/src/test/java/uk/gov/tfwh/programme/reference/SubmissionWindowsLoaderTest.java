package uk.gov.tfwh.programme.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;

class SubmissionWindowsLoaderTest {
  private static final String HEADER =
      "version,effective_from,phase,first_period,last_period,deadline_days\n";
  private static final Quarter Q3_2014 = Quarter.endingOn(LocalDate.of(2014, 9, 30));

  @TempDir Path dir;

  @Test
  void theProjectsWindowsGiveEveryQuarterOfBothPhasesADeadline31DaysAfterItEnds() {
    SubmissionWindows windows =
        SubmissionWindowsLoader.load(Path.of("../../reference", SubmissionWindowsLoader.FILE));

    for (Phase phase : Phase.values()) {
      for (Quarter q = phase.firstQuarter(); !q.isAfter(phase.lastQuarter()); q = q.next()) {
        SubmissionWindow window = windows.window(phase, q, LocalDate.of(2026, 12, 5)).orElseThrow();
        assertThat(window.opensOn()).isEqualTo(q.end().plusDays(1));
        assertThat(window.deadline()).isEqualTo(q.end().plusDays(31));
        assertThat(window.version()).isEqualTo("2026.12-windows-1");
      }
    }
    assertThat(windows.window(Phase.ONE, Phase.ONE.lastQuarter().next(), LocalDate.now()))
        .isEmpty();
  }

  @Test
  void aReturnIsLateFromTheFirstInstantAfterItsDeadlineDayEndsInLondon() throws IOException {
    SubmissionWindows windows = load(HEADER + "v1,2012-04-01,2,2014-09-30,2020-03-31,28\n");
    SubmissionWindow window = windows.window(Phase.TWO, Q3_2014, LocalDate.of(2014, 10, 1)).get();

    // 28 October 2014 is in British Summer Time until the 26th: GMT, so midnight is 00:00Z.
    assertThat(window.deadline()).isEqualTo(LocalDate.of(2014, 10, 28));
    assertThat(window.isLate(Instant.parse("2014-10-28T23:59:59.999Z"))).isFalse();
    assertThat(window.isLate(Instant.parse("2014-10-29T00:00:00Z"))).isTrue();
    SubmissionWindow summer =
        load(HEADER + "v1,2012-04-01,1,2013-06-30,2013-06-30,10\n")
            .window(Phase.ONE, Quarter.endingOn(LocalDate.of(2013, 6, 30)), LocalDate.MAX)
            .get();
    // 10 July 2013 ends at 23:00Z (BST).
    assertThat(summer.isLate(Instant.parse("2013-07-10T22:59:59Z"))).isFalse();
    assertThat(summer.isLate(Instant.parse("2013-07-10T23:00:00Z"))).isTrue();
  }

  @Test
  void aNewerVersionAppliesFromItsEffectiveDateAndTheOlderOneBefore() throws IOException {
    SubmissionWindows windows =
        load(
            HEADER
                + "v1,2012-04-01,2,2014-09-30,2020-03-31,28\n"
                + "v2,2014-10-15,2,2014-09-30,2020-03-31,42\n");

    assertThat(windows.window(Phase.TWO, Q3_2014, LocalDate.of(2014, 10, 14)).get().deadline())
        .isEqualTo(LocalDate.of(2014, 10, 28));
    SubmissionWindow later = windows.window(Phase.TWO, Q3_2014, LocalDate.of(2014, 10, 15)).get();
    assertThat(later.deadline()).isEqualTo(LocalDate.of(2014, 11, 11));
    assertThat(later.version()).isEqualTo("v2");
  }

  @Test
  void everyProblemIsReportedWithItsLine() throws IOException {
    assertThatThrownBy(
            () ->
                load(
                    HEADER
                        + "v1,2012-04-01,3,2014-09-30,2020-03-31,28\n"
                        + "v1,someday,1,2012-06-30,2015-06-30,28\n"
                        + "v1,2012-04-01,1,2012-06-29,2015-06-30,28\n"
                        + "v1,2012-04-01,2,2014-09-30,2020-03-31,-1\n"
                        + "v1,2012-04-01,2,2015-09-30,2016-03-31,20\n"
                        + "v1,2012-04-01,1,2015-06-30,2012-06-30,20\n"))
        .isInstanceOf(ReferenceDataException.class)
        .hasMessageContaining("line 2: phase")
        .hasMessageContaining("line 3: effective_from")
        .hasMessageContaining("line 4: first_period")
        .hasMessageContaining("line 5: deadline_days")
        .hasMessageContaining("line 6: ")
        .hasMessageContaining("overlaps line 5")
        .hasMessageContaining("line 7: last_period");
  }

  @Test
  void aMissingFileOrHeaderIsAProblemNotAnEmptySet() throws IOException {
    assertThatThrownBy(() -> SubmissionWindowsLoader.load(dir.resolve("none.csv")))
        .isInstanceOf(ReferenceDataException.class)
        .hasMessageContaining("missing");
    assertThatThrownBy(() -> load("version,phase\nv1,1\n"))
        .isInstanceOf(ReferenceDataException.class)
        .hasMessageContaining("header");
  }

  private SubmissionWindows load(String text) throws IOException {
    Path file = dir.resolve(SubmissionWindowsLoader.FILE);
    Files.writeString(file, text);
    return SubmissionWindowsLoader.load(file);
  }
}
