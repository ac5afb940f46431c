package uk.gov.tfwh.api.table;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /api/v1/x.csv} is {@code /api/v1/x} with {@code Accept: text/csv}: the suffix is turned
 * into the header before anything else (security included) sees the request, so the endpoint's
 * rules and handlers are the same for both spellings.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CsvSuffixFilter extends OncePerRequestFilter {
  private static final String SUFFIX = ".csv";
  // Exports name their format in the path themselves (/api/v1/exports/payments.csv).
  private static final String EXPORTS = "/api/v1/exports/";

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String uri = request.getRequestURI();
    String context = request.getContextPath();
    return !(uri.startsWith(context + "/api/") && uri.endsWith(SUFFIX))
        || uri.startsWith(context + EXPORTS);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    chain.doFilter(new WithoutSuffix(request), response);
  }

  /**
   * This request as one for CSV: its {@code .csv} suffix dropped and {@code Accept: text/csv}, as
   * this filter passes it on (the pages' downloads forward such requests to the API).
   */
  public static HttpServletRequest asCsvRequest(HttpServletRequest request) {
    return new WithoutSuffix(request);
  }

  private static final class WithoutSuffix extends HttpServletRequestWrapper {
    WithoutSuffix(HttpServletRequest request) {
      super(request);
    }

    private static String strip(String path) {
      return path != null && path.endsWith(SUFFIX)
          ? path.substring(0, path.length() - SUFFIX.length())
          : path;
    }

    @Override
    public String getRequestURI() {
      return strip(super.getRequestURI());
    }

    @Override
    public StringBuffer getRequestURL() {
      return new StringBuffer(strip(super.getRequestURL().toString()));
    }

    @Override
    public String getServletPath() {
      return strip(super.getServletPath());
    }

    @Override
    public String getPathInfo() {
      return strip(super.getPathInfo());
    }

    @Override
    public String getHeader(String name) {
      return HttpHeaders.ACCEPT.equalsIgnoreCase(name)
          ? CsvMessageConverter.TEXT_CSV.toString()
          : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      return HttpHeaders.ACCEPT.equalsIgnoreCase(name)
          ? Collections.enumeration(java.util.List.of(CsvMessageConverter.TEXT_CSV.toString()))
          : super.getHeaders(name);
    }
  }
}
