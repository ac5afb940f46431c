package uk.gov.tfwh.warehouse.table;

/**
 * The logical types the warehouse uses. Each maps to one Parquet physical type so that Spark
 * writes, and DuckDB and Trino read, the same values.
 */
public enum ColumnType {
  STRING("VARCHAR"),
  INT("INTEGER"),
  BIGINT("BIGINT"),
  BOOLEAN("BOOLEAN"),
  DATE("DATE"),
  /** An instant, stored in UTC. */
  TIMESTAMP("TIMESTAMP(3) WITH TIME ZONE"),
  /** Pounds and pence. */
  MONEY("DECIMAL(14,2)"),
  /** A percentage to one decimal place, such as 17.7. */
  PERCENT("DECIMAL(7,1)"),
  DOUBLE("DOUBLE");

  private final String sqlType;

  ColumnType(String sqlType) {
    this.sqlType = sqlType;
  }

  /** The type as written in the SQL both engines share. */
  public String sqlType() {
    return sqlType;
  }
}
