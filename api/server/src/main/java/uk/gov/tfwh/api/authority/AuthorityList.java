package uk.gov.tfwh.api.authority;

import uk.gov.tfwh.api.table.RowShape;
import uk.gov.tfwh.api.table.Table;
import uk.gov.tfwh.api.table.Tabular;
import uk.gov.tfwh.warehouse.query.Query;
import uk.gov.tfwh.warehouse.query.Release;

/** The authorities with region, type, and both phases' targets and their basis. */
public record AuthorityList(String snapshot, Release release, Table table) implements Tabular {
  /** The row of the table, column by column, as the OpenAPI document describes it. */
  public static final RowShape ROW =
      RowShape.picked(
          "Authority",
          RowShape.NONE,
          Query.AUTHORITIES,
          "authority_code",
          "authority_name",
          "region_code",
          "region_name",
          "authority_type",
          "former_codes",
          "phase1_target",
          "phase1_target_basis",
          "phase2_target",
          "phase2_target_basis");
}
