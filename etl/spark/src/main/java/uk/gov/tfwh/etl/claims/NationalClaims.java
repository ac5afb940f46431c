package uk.gov.tfwh.etl.claims;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;
import uk.gov.tfwh.etl.read.ClaimRows;
import uk.gov.tfwh.returns.history.ClaimOccurrence;
import uk.gov.tfwh.returns.history.NationalClaimCheck;
import uk.gov.tfwh.returns.model.ClaimResult;
import uk.gov.tfwh.returns.model.Finding;

/**
 * The national claim rules with Spark: the claims of every current return that share their family
 * with another claim are grouped by family and each such family's claims go through {@link
 * NationalClaimCheck}; the accepted counts are the returns' own counts (as read) less the refused.
 * Only what is small comes back to the driver: the refused claims and the findings.
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
   * @param acceptedOnRead the claim rows of each current return that passed its own rules, by
   *     result (the claims rows of that return in {@code claims})
   */
  public static Outcome check(
      JavaSparkContext context,
      Dataset<Row> claims,
      Map<String, ClaimContext> current,
      Map<String, Map<ClaimResult, Integer>> acceptedOnRead) {
    SparkSession spark = SparkSession.builder().sparkContext(context.sc()).getOrCreate();
    List<Row> ids = current.keySet().stream().map(id -> RowFactory.create(id)).toList();
    Dataset<Row> currentIds =
        spark.createDataFrame(
            ids, new StructType().add(ClaimRows.RETURN_ID, DataTypes.StringType, false));
    Dataset<Row> currentClaims =
        claims.join(functions.broadcast(currentIds), ClaimRows.RETURN_ID, "left_semi");
    // A family claimed once is always accepted without findings (every rule compares a claim with
    // an earlier one of its family), so only families claimed more than once go through the rules
    // in Java; the rest are counted by Spark SQL, which keeps a load cheap as the history grows.
    Dataset<Row> repeated =
        currentClaims
            .groupBy(ClaimRows.FAMILY_REF)
            .count()
            .filter(functions.col("count").gt(1))
            .select(ClaimRows.FAMILY_REF);
    Broadcast<HashMap<String, ClaimContext>> contexts = context.broadcast(new HashMap<>(current));
    try {
      List<NationalClaimCheck.Decision> notable =
          currentClaims
              .join(repeated, ClaimRows.FAMILY_REF, "left_semi")
              .select(
                  Arrays.stream(ClaimRows.SCHEMA.fieldNames())
                      .map(functions::col)
                      .toArray(Column[]::new))
              .javaRDD()
              .mapToPair(row -> new Tuple2<>(ClaimRows.familyRef(row), occurrence(row, contexts)))
              .groupByKey()
              .flatMap(family -> NationalClaimCheck.check(copy(family._2())).iterator())
              .filter(d -> !d.accepted() || !d.findings().isEmpty())
              .collect();
      List<Refusal> refused = new ArrayList<>();
      Map<String, List<Finding>> findings = new HashMap<>();
      Map<String, Map<ClaimResult, Long>> accepted = new HashMap<>();
      acceptedOnRead.forEach(
          (returnId, byResult) ->
              byResult.forEach(
                  (result, count) ->
                      accepted
                          .computeIfAbsent(returnId, k -> new HashMap<>())
                          .put(result, count.longValue())));
      for (NationalClaimCheck.Decision decision : notable) {
        ClaimOccurrence claim = decision.claim();
        if (!decision.accepted()) {
          refused.add(new Refusal(claim.returnId(), claim.row()));
          Map<ClaimResult, Long> counts = accepted.get(claim.returnId());
          if (counts.merge(claim.result(), -1L, Long::sum) == 0) {
            counts.remove(claim.result());
          }
          if (counts.isEmpty()) {
            accepted.remove(claim.returnId());
          }
        }
        findings
            .computeIfAbsent(claim.returnId(), k -> new ArrayList<>())
            .addAll(decision.findings());
      }
      return new Outcome(refused, findings, accepted);
    } finally {
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
