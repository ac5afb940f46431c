package uk.gov.tfwh.api.problem;

import static java.util.Objects.requireNonNull;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses a query that gives a single-valued parameter more than once. Spring would otherwise
 * answer for a value nobody wrote: {@code period=2013Q3&period=2013Q4} read as {@code
 * '2013Q3,2013Q4'}, {@code phase=1&phase=2} as the first. Only the query string is read, so an
 * upload's body is not parsed for it.
 */
public final class SingleValuedParameters implements HandlerInterceptor {
  private final Set<String> manyValued;
  private final BiFunction<String, String, RuntimeException> refusal;

  /** The API's: every parameter takes one value, and a repeat is a bad parameter (problem JSON). */
  public SingleValuedParameters() {
    this(Set.of(), BadParameterException::new);
  }

  /**
   * @param manyValued the parameters that may be given more than once (the compare page's codes)
   * @param refusal the exception to throw, from the parameter's name and the message
   */
  public SingleValuedParameters(
      Set<String> manyValued, BiFunction<String, String, RuntimeException> refusal) {
    this.manyValued = Set.copyOf(requireNonNull(manyValued, "manyValued"));
    this.refusal = requireNonNull(refusal, "refusal");
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    Map<String, Integer> times = new LinkedHashMap<>();
    QueryNames.of(request.getQueryString()).forEach(name -> times.merge(name, 1, Integer::sum));
    for (Map.Entry<String, Integer> name : times.entrySet()) {
      if (name.getValue() > 1 && !manyValued.contains(name.getKey())) {
        throw refusal.apply(name.getKey(), ParameterSlips.repeated(name.getKey(), name.getValue()));
      }
    }
    return true;
  }
}
