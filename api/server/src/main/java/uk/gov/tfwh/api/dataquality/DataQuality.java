package uk.gov.tfwh.api.dataquality;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import uk.gov.tfwh.api.release.Release;
import uk.gov.tfwh.api.table.Table;
import uk.gov.tfwh.api.table.Tabular;

/**
 * Submission status per authority for one quarter ({@code rows}, also the CSV), the count of
 * authorities in each status, and every rejection, warning and note behind the counts ({@code
 * findings}, JSON only).
 */
public record DataQuality(
    int phase,
    LocalDate period,
    String quarterLabel,
    String authority,
    String snapshot,
    Release release,
    Map<String, Long> statusCounts,
    Table table,
    List<Map<String, Object>> findings)
    implements Tabular {
  @Override
  public java.util.Map<String, Object> covers() {
    return Tabular.quarterOf(phase, period);
  }
}
