package uk.gov.tfwh.api.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses a query that gives one of the API's parameters more than once. Every parameter of the API
 * takes one value, and Spring would otherwise answer for a value nobody wrote: {@code
 * period=2013Q3&period=2013Q4} read as {@code '2013Q3,2013Q4'}, {@code phase=1&phase=2} as the
 * first. Only the query string is read, so an upload's body is not parsed for it.
 */
public final class SingleValuedParameters implements HandlerInterceptor {

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    Map<String, Integer> times = new LinkedHashMap<>();
    QueryNames.of(request.getQueryString()).forEach(name -> times.merge(name, 1, Integer::sum));
    for (Map.Entry<String, Integer> name : times.entrySet()) {
      if (name.getValue() > 1) {
        throw new BadParameterException(
            name.getKey(), ParameterSlips.repeated(name.getKey(), name.getValue()));
      }
    }
    return true;
  }
}
