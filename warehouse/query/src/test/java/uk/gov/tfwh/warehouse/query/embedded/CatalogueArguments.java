package uk.gov.tfwh.warehouse.query.embedded;

import java.util.Map;
import uk.gov.tfwh.warehouse.query.Query;

/** Arguments for each catalogue query that select rows of the fixture snapshot. */
final class CatalogueArguments {
  private CatalogueArguments() {}

  static Map<String, Object> typical(Query query) {
    return uk.gov.tfwh.warehouse.testing.CatalogueCalls.calls().stream()
        .filter(call -> call.query() == query)
        .findFirst()
        .orElseThrow()
        .arguments();
  }
}
