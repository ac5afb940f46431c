package uk.gov.tfwh.api.problem;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The parameter names of a query string, decoded as the servlet container decodes them, read
 * without asking the request for its parameters (which would parse a form's or an upload's body).
 */
public final class QueryNames {
  private QueryNames() {}

  /** Each name in the order given, once for every time it is given; none for a null query. */
  public static List<String> of(String query) {
    List<String> names = new ArrayList<>();
    if (query == null || query.isEmpty()) {
      return names;
    }
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      try {
        name = URLDecoder.decode(name, StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        // A malformed escape: kept as sent.
      }
      if (!name.isEmpty()) {
        names.add(name);
      }
    }
    return names;
  }
}
