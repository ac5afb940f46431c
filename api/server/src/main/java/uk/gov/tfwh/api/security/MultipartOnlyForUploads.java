package uk.gov.tfwh.api.security;

import static java.util.Objects.requireNonNull;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import uk.gov.tfwh.api.access.ApiEndpoint;
import uk.gov.tfwh.api.access.HandWrittenResponses;

/**
 * Refuses a multipart body sent anywhere but the addresses that take one (the API's POST resources,
 * whose access rules look at the sender before the body, and the upload page's form), before
 * anything reads it. Tomcat parses a POST's multipart body, spooling its files to disk within the
 * upload limits, as soon as anything asks for a parameter: the sign-in throttle (the user's name),
 * the CSRF check (the form's token), an error page. So a multipart body sent to the sign-in form or
 * to any page address was read whole, by anyone, before being refused. Registered before Spring
 * Security, like the sign-in throttle it protects.
 */
public final class MultipartOnlyForUploads extends OncePerRequestFilter {
  /** The upload page's form (api/web), which posts to the address of the page that shows it. */
  public static final String UPLOAD_PAGE = "/submissions";

  private static final List<RequestMatcher> TAKING_MULTIPART =
      Stream.concat(
              Arrays.stream(ApiEndpoint.values())
                  .filter(endpoint -> endpoint.method() == HttpMethod.POST)
                  .map(ApiEndpoint::path),
              Stream.of(UPLOAD_PAGE))
          .<RequestMatcher>map(
              path -> PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, path))
          .toList();

  private final ProblemWriter problems;
  private final String pageContentSecurityPolicy;

  MultipartOnlyForUploads(ProblemWriter problems, String pageContentSecurityPolicy) {
    this.problems = requireNonNull(problems, "problems");
    this.pageContentSecurityPolicy =
        requireNonNull(pageContentSecurityPolicy, "pageContentSecurityPolicy");
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    // Tomcat reads a body for its parameters only for POST.
    return !("POST".equals(request.getMethod()) && isMultipart(request.getContentType()));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (TAKING_MULTIPART.stream().anyMatch(taking -> taking.matches(request))) {
      chain.doFilter(request, response);
      return;
    }
    String path = request.getServletPath();
    // Answered before Spring Security's header writers run: the same headers, set here.
    HandWrittenResponses.secure(
        response,
        path.startsWith("/api/")
            ? HandWrittenResponses.API_CONTENT_SECURITY_POLICY
            : pageContentSecurityPolicy);
    problems.write(
        request,
        response,
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        "multipart/form-data is taken only by an upload ("
            + ApiEndpoint.SUBMIT.path()
            + " or the upload page's form) and the API's sign-off; its body was not parsed and"
            + " nothing was kept");
  }

  private static boolean isMultipart(String contentType) {
    return contentType != null
        && contentType.strip().toLowerCase(Locale.ROOT).startsWith("multipart/");
  }
}
