package uk.gov.tfwh.api.authority;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import uk.gov.tfwh.api.problem.BadParameterException;
import uk.gov.tfwh.api.problem.NotFoundException;
import uk.gov.tfwh.api.table.Table;
import uk.gov.tfwh.programme.reference.AuthorityCode;
import uk.gov.tfwh.warehouse.query.PinnedSnapshot;
import uk.gov.tfwh.warehouse.query.Query;
import uk.gov.tfwh.warehouse.query.QueryArguments;
import uk.gov.tfwh.warehouse.query.QueryResult;
import uk.gov.tfwh.warehouse.query.WarehouseQueries;

/** Looks authorities up in a snapshot's reference data. */
@Component
public class Authorities {
  /** How an authority code is described in the OpenAPI document. */
  public static final String CODE_DOC = "The authority's ONS GSS code, such as E08000025";

  private final WarehouseQueries queries;

  public Authorities(WarehouseQueries queries) {
    this.queries = queries;
  }

  /** Checks a code's shape, before it decides anything (such as a coordinator's access). */
  public static String wellFormed(String parameter, String code) {
    if (!AuthorityCode.isWellFormed(code)) {
      throw new BadParameterException(parameter, AuthorityCode.malformed(parameter, code));
    }
    return code;
  }

  /** Every authority of the snapshot's reference data, as the API lists them. */
  AuthorityList list(PinnedSnapshot snapshot) {
    return new AuthorityList(
        snapshot.id(),
        snapshot.release(),
        Table.from(
            queries.run(snapshot, QueryArguments.of(Query.AUTHORITIES)),
            AuthorityList.ROW.picks()));
  }

  /** Every authority of the snapshot's reference data, in the query's order, for the pages. */
  public List<AuthorityReference> all(PinnedSnapshot snapshot) {
    List<AuthorityReference> all = new ArrayList<>();
    queries
        .run(snapshot, QueryArguments.of(Query.AUTHORITIES))
        .forEach(row -> all.add(AuthorityReference.of(row)));
    return all;
  }

  /** The authority in the snapshot's reference data, for the pages; empty when it has none. */
  public Optional<AuthorityReference> find(PinnedSnapshot snapshot, String code) {
    QueryResult found = queries.run(snapshot, QueryArguments.of(Query.AUTHORITIES).authority(code));
    return found.isEmpty() ? Optional.empty() : Optional.of(AuthorityReference.of(found.row(0)));
  }

  /** The authority's reference row; 404 when the snapshot has no such authority. */
  public QueryResult require(PinnedSnapshot snapshot, String code) {
    QueryResult found = queries.run(snapshot, QueryArguments.of(Query.AUTHORITIES).authority(code));
    if (found.isEmpty()) {
      throw new NotFoundException("there is no authority " + code);
    }
    return found;
  }
}
