package uk.gov.tfwh.etl.read;

import java.time.LocalDate;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import uk.gov.tfwh.programme.outcome.ClaimResult;
import uk.gov.tfwh.returns.model.Claim;

/**
 * Claim rows that passed their own return's rules, as Spark rows: what the read stage produces, the
 * load state keeps and the national claim check consumes. Columns are fixed by {@link #SCHEMA}.
 */
public final class ClaimRows {
  public static final String RETURN_ID = "return_id";
  public static final String ROW_NUMBER = "row_number";
  public static final String FAMILY_REF = "family_ref";
  public static final String ATTACHED_ON = "attached_on";
  public static final String RESULT = "result";
  public static final String ACHIEVED_ON = "achieved_on";
  public static final String PROBLEMS_AT_ENTRY = "problems_at_entry";

  public static final StructType SCHEMA =
      new StructType()
          .add(RETURN_ID, DataTypes.StringType, false)
          .add(ROW_NUMBER, DataTypes.IntegerType, false)
          .add(FAMILY_REF, DataTypes.StringType, false)
          .add(ATTACHED_ON, DataTypes.DateType, false)
          .add(RESULT, DataTypes.StringType, false)
          .add(ACHIEVED_ON, DataTypes.DateType, false)
          .add(PROBLEMS_AT_ENTRY, DataTypes.StringType, false);

  private ClaimRows() {}

  public static Row of(String returnId, Claim claim) {
    return RowFactory.create(
        returnId,
        claim.row(),
        claim.familyRef(),
        claim.attachedOn(),
        claim.result().name(),
        claim.achievedOn(),
        String.join(";", claim.problemsAtEntry()));
  }

  public static String returnId(Row row) {
    return row.getString(0);
  }

  public static int rowNumber(Row row) {
    return row.getInt(1);
  }

  public static String familyRef(Row row) {
    return row.getString(2);
  }

  public static ClaimResult result(Row row) {
    return ClaimResult.valueOf(row.getString(4));
  }

  public static LocalDate attachedOn(Row row) {
    return row.getAs(3);
  }
}
