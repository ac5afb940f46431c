package uk.gov.tfwh.exports.table;

import java.util.List;
import uk.gov.tfwh.warehouse.query.QueryResult;

/** Turns a query layer result into an export table: every column, in the query's order. */
public final class QueryTables {
  private QueryTables() {}

  public static ExportTable of(String name, String title, QueryResult result) {
    List<ExportColumn> columns = result.columns().stream().map(ColumnGuide::column).toList();
    return new ExportTable(name, title, columns, result.rows());
  }
}
