package uk.gov.tfwh.etl.claims;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;
import uk.gov.tfwh.etl.read.ClaimRows;
import uk.gov.tfwh.returns.history.ClaimOccurrence;
import uk.gov.tfwh.returns.history.NationalClaimCheck;
import uk.gov.tfwh.returns.model.ClaimResult;
import uk.gov.tfwh.returns.model.Finding;

/**
 * The national claim rules with Spark: the claims of every current return are grouped by family and
 * each family's claims go through {@link NationalClaimCheck}. Only what is small comes back to the
 * driver: the refused claims, the findings and the accepted counts per return and result.
 */
public final class NationalClaims {
  private NationalClaims() {}

  /** A claim the national rules refused, with the return and row it was in. */
  public record Refusal(String returnId, int row) implements Serializable {}

  /**
   * What the national check decided.
   *
   * @param refused the claims refused (C08, C09)
   * @param findingsByReturn every finding (rejections and W03 warnings), by return id
   * @param acceptedCounts accepted claims by return id and result
   */
  public record Outcome(
      List<Refusal> refused,
      Map<String, List<Finding>> findingsByReturn,
      Map<String, Map<ClaimResult, Long>> acceptedCounts) {}

  /**
   * Checks the claims of the current returns.
   *
   * @param claims every claim row that passed its own return's rules ({@link ClaimRows#SCHEMA})
   * @param current the current returns by id; claims of other returns are not checked
   */
  public static Outcome check(
      JavaSparkContext context, Dataset<Row> claims, Map<String, ClaimContext> current) {
    Broadcast<HashMap<String, ClaimContext>> contexts = context.broadcast(new HashMap<>(current));
    JavaRDD<NationalClaimCheck.Decision> decisions =
        claims
            .javaRDD()
            .filter(row -> contexts.value().containsKey(ClaimRows.returnId(row)))
            .mapToPair(row -> new Tuple2<>(ClaimRows.familyRef(row), occurrence(row, contexts)))
            .groupByKey()
            .flatMap(family -> NationalClaimCheck.check(copy(family._2())).iterator())
            .persist(StorageLevel.MEMORY_AND_DISK_SER());
    try {
      List<NationalClaimCheck.Decision> notable =
          decisions.filter(d -> !d.accepted() || !d.findings().isEmpty()).collect();
      Map<String, Long> counts =
          decisions
              .filter(NationalClaimCheck.Decision::accepted)
              .mapToPair(d -> new Tuple2<>(d.claim().returnId() + "|" + d.claim().result(), 1L))
              .reduceByKey(Long::sum)
              .collectAsMap();
      List<Refusal> refused = new ArrayList<>();
      Map<String, List<Finding>> findings = new HashMap<>();
      for (NationalClaimCheck.Decision decision : notable) {
        if (!decision.accepted()) {
          refused.add(new Refusal(decision.claim().returnId(), decision.claim().row()));
        }
        findings
            .computeIfAbsent(decision.claim().returnId(), k -> new ArrayList<>())
            .addAll(decision.findings());
      }
      Map<String, Map<ClaimResult, Long>> accepted = new HashMap<>();
      counts.forEach(
          (key, count) -> {
            int bar = key.lastIndexOf('|');
            accepted
                .computeIfAbsent(key.substring(0, bar), k -> new HashMap<>())
                .put(ClaimResult.valueOf(key.substring(bar + 1)), count);
          });
      return new Outcome(refused, findings, accepted);
    } finally {
      decisions.unpersist(false);
      contexts.destroy();
    }
  }

  private static ClaimOccurrence occurrence(
      Row row, Broadcast<HashMap<String, ClaimContext>> contexts) {
    String returnId = ClaimRows.returnId(row);
    ClaimContext context = contexts.value().get(returnId);
    return new ClaimOccurrence(
        ClaimRows.familyRef(row),
        context.authorityCode(),
        context.phase(),
        context.quarter(),
        context.submittedAt(),
        ClaimRows.result(row),
        returnId,
        context.file(),
        ClaimRows.rowNumber(row));
  }

  private static List<ClaimOccurrence> copy(Iterable<ClaimOccurrence> claims) {
    List<ClaimOccurrence> list = new ArrayList<>();
    claims.forEach(list::add);
    return list;
  }
}
