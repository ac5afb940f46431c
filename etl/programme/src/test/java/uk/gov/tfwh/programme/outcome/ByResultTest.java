package uk.gov.tfwh.programme.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.gov.tfwh.programme.outcome.ClaimResult.CONTINUOUS_EMPLOYMENT;
import static uk.gov.tfwh.programme.outcome.ClaimResult.CRIME_ASB_EDUCATION;
import static uk.gov.tfwh.programme.outcome.ClaimResult.PROGRESS_TO_WORK;
import static uk.gov.tfwh.programme.outcome.ClaimResult.SUSTAINED_PROGRESS;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ByResultTest {

  @Test
  void aResultGivenReadsAsItsFigure() {
    ByResult<Long> counts =
        ByResult.counts(Map.of(SUSTAINED_PROGRESS, 10L, CONTINUOUS_EMPLOYMENT, 3L));

    assertThat(counts.get(SUSTAINED_PROGRESS)).isEqualTo(10L);
    assertThat(counts.get(CONTINUOUS_EMPLOYMENT)).isEqualTo(3L);
  }

  @Test
  void aResultNotGivenReadsAsZeroButIsNotHad() {
    ByResult<Long> phaseTwo =
        ByResult.counts(Map.of(SUSTAINED_PROGRESS, 10L, CONTINUOUS_EMPLOYMENT, 0L));

    assertThat(phaseTwo.get(CRIME_ASB_EDUCATION)).isZero();
    assertThat(phaseTwo.has(CRIME_ASB_EDUCATION)).isFalse();
    assertThat(phaseTwo.has(CONTINUOUS_EMPLOYMENT)).as("a zero given is had").isTrue();
  }

  @Test
  void poundsNotGivenReadAsNilToThePenny() {
    ByResult<BigDecimal> amounts =
        ByResult.pounds(Map.of(PROGRESS_TO_WORK, new BigDecimal("83.33")));

    assertThat(amounts.get(SUSTAINED_PROGRESS)).isEqualTo(new BigDecimal("0.00"));
    assertThat(ByResult.pounds(Map.of()).sum(BigDecimal::add)).isEqualTo(new BigDecimal("0.00"));
  }

  @Test
  void sumAddsEveryFigureGiven() {
    ByResult<Long> counts =
        ByResult.counts(
            Map.of(CRIME_ASB_EDUCATION, 7L, CONTINUOUS_EMPLOYMENT, 2L, PROGRESS_TO_WORK, 5L));
    ByResult<BigDecimal> amounts =
        ByResult.pounds(
            Map.of(
                CRIME_ASB_EDUCATION, new BigDecimal("3500.00"),
                CONTINUOUS_EMPLOYMENT, new BigDecimal("0.01")));

    assertThat(counts.sum(Math::addExact)).isEqualTo(14L);
    assertThat(amounts.sum(BigDecimal::add)).isEqualTo(new BigDecimal("3500.01"));
    assertThat(ByResult.counts(Map.of()).sum(Math::addExact)).isZero();
  }

  @Test
  void aSumPastTheLongRangeOverflowsWithAddExact() {
    ByResult<Long> counts =
        ByResult.counts(Map.of(CRIME_ASB_EDUCATION, Long.MAX_VALUE, CONTINUOUS_EMPLOYMENT, 1L));

    assertThatThrownBy(() -> counts.sum(Math::addExact)).isInstanceOf(ArithmeticException.class);
  }

  @Test
  void aNegativeFigureIsRejectedNamingItsResult() {
    assertThatThrownBy(() -> ByResult.counts(Map.of(PROGRESS_TO_WORK, -1L)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("progress to work figure must not be negative, not -1");
    assertThatThrownBy(() -> ByResult.pounds(Map.of(SUSTAINED_PROGRESS, new BigDecimal("-0.01"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sustained progress figure must not be negative, not -0.01");
  }

  @Test
  void aNullFigureOrResultIsRejected() {
    Map<ClaimResult, Long> nullFigure = new HashMap<>();
    nullFigure.put(CONTINUOUS_EMPLOYMENT, null);
    Map<ClaimResult, Long> nullResult = new HashMap<>();
    nullResult.put(null, 1L);

    assertThatThrownBy(() -> ByResult.counts(nullFigure))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("the continuous employment figure");
    assertThatThrownBy(() -> ByResult.counts(nullResult)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> ByResult.counts(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void laterChangesToTheGivenMapDoNotReachTheFigures() {
    Map<ClaimResult, Long> given = new HashMap<>(Map.of(SUSTAINED_PROGRESS, 1L));
    ByResult<Long> counts = ByResult.counts(given);

    given.put(SUSTAINED_PROGRESS, 99L);
    given.put(CONTINUOUS_EMPLOYMENT, 5L);

    assertThat(counts.get(SUSTAINED_PROGRESS)).isEqualTo(1L);
    assertThat(counts.has(CONTINUOUS_EMPLOYMENT)).isFalse();
  }

  @Test
  void theMapIsUnmodifiableAndInTheResultsOrder() {
    Map<ClaimResult, Long> given = new LinkedHashMap<>();
    given.put(SUSTAINED_PROGRESS, 1L);
    given.put(PROGRESS_TO_WORK, 2L);
    given.put(CRIME_ASB_EDUCATION, 3L);
    ByResult<Long> counts = ByResult.counts(given);

    assertThat(counts.asMap().keySet())
        .containsExactly(CRIME_ASB_EDUCATION, PROGRESS_TO_WORK, SUSTAINED_PROGRESS);
    assertThatThrownBy(() -> counts.asMap().put(CONTINUOUS_EMPLOYMENT, 4L))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void equalWhenTheSameFiguresAreGivenForTheSameResults() {
    ByResult<Long> counts =
        ByResult.counts(Map.of(SUSTAINED_PROGRESS, 10L, CONTINUOUS_EMPLOYMENT, 3L));

    assertThat(counts)
        .isEqualTo(
            ByResult.counts(
                new HashMap<>(Map.of(CONTINUOUS_EMPLOYMENT, 3L, SUSTAINED_PROGRESS, 10L))))
        .hasSameHashCodeAs(
            ByResult.counts(Map.of(CONTINUOUS_EMPLOYMENT, 3L, SUSTAINED_PROGRESS, 10L)))
        .isNotEqualTo(ByResult.counts(Map.of(SUSTAINED_PROGRESS, 10L, CONTINUOUS_EMPLOYMENT, 4L)))
        .as("a zero given is not a figure missing")
        .isNotEqualTo(
            ByResult.counts(
                Map.of(
                    SUSTAINED_PROGRESS, 10L, CONTINUOUS_EMPLOYMENT, 3L, CRIME_ASB_EDUCATION, 0L)));
    assertThat(ByResult.counts(Map.of()))
        .as("no counts are not no pounds")
        .isNotEqualTo(ByResult.pounds(Map.of()));
  }

  @Test
  void survivesJavaSerializationAsSparkShipsIt() throws Exception {
    ByResult<Long> counts =
        ByResult.counts(Map.of(SUSTAINED_PROGRESS, 10L, CONTINUOUS_EMPLOYMENT, 3L));
    ByResult<BigDecimal> amounts =
        ByResult.pounds(Map.of(CRIME_ASB_EDUCATION, new BigDecimal("1999.99")));

    ByResult<?> countsBack = roundTrip(counts);
    ByResult<?> amountsBack = roundTrip(amounts);

    assertThat(countsBack).isEqualTo(counts).isNotSameAs(counts);
    assertThat(countsBack.get(CRIME_ASB_EDUCATION)).isEqualTo(0L);
    assertThat(amountsBack).isEqualTo(amounts);
    assertThat(amountsBack.get(PROGRESS_TO_WORK)).isEqualTo(new BigDecimal("0.00"));
    assertThatThrownBy(() -> countsBack.asMap().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aStreamAlteredToHoldANegativeFigureIsRefused() throws Exception {
    long marker = 0x0102030405060708L;
    byte[] bytes = serialized(ByResult.counts(Map.of(CONTINUOUS_EMPLOYMENT, marker)));
    int at = indexOf(bytes, toBytes(marker));
    assertThat(at).as("the figure's bytes in the stream").isNotNegative();
    System.arraycopy(toBytes(-marker), 0, bytes, at, Long.BYTES);

    assertThatThrownBy(() -> deserialized(bytes))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("continuous employment figure must not be negative");
  }

  private static ByResult<?> roundTrip(ByResult<?> figures)
      throws IOException, ClassNotFoundException {
    return deserialized(serialized(figures));
  }

  private static byte[] serialized(ByResult<?> figures) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(figures);
    }
    return bytes.toByteArray();
  }

  private static ByResult<?> deserialized(byte[] bytes) throws IOException, ClassNotFoundException {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
      return (ByResult<?>) in.readObject();
    }
  }

  private static byte[] toBytes(long value) {
    return ByteBuffer.allocate(Long.BYTES).putLong(value).array();
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
        return i;
      }
    }
    return -1;
  }
}
