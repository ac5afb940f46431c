package uk.gov.tfwh.api.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.gov.tfwh.api.access.HandWrittenResponses;

/**
 * Answers what goes wrong outside the resources (a request the firewall refuses, an error the
 * container reports) as problem+json with the security headers, in place of Spring Boot's own error
 * page, whose JSON carried no headers and whose {@code /error} asked directly answered 500 with a
 * status of 999. Asked directly, {@code /error} is a path like any other that holds nothing: 404.
 */
@RestController
public class ProblemErrorController implements ErrorController {
  @RequestMapping("/error")
  ResponseEntity<ProblemDetail> error(HttpServletRequest request, HttpServletResponse response) {
    HandWrittenResponses.secure(response, HandWrittenResponses.API_CONTENT_SECURITY_POLICY);
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status =
        code instanceof Integer number && HttpStatus.resolve(number) != null
            ? HttpStatus.valueOf(number)
            : HttpStatus.NOT_FOUND;
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail(status));
    problem.setInstance(URI.create(uri instanceof String path ? safe(path) : "/error"));
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  private static String detail(HttpStatus status) {
    return switch (status) {
      case BAD_REQUEST ->
          "the request was refused: its address or headers hold a form the service does not"
              + " accept (a ';' parameter, '//', an encoded '/', '\\' or control character, or"
              + " headers over the size limit)";
      case NOT_FOUND ->
          "there is nothing at this address; the API is under /api/v1 (see /v3/api-docs)";
      default -> status.getReasonPhrase();
    };
  }

  /** The path as an instance URI, whatever it holds (it was refused for holding odd things). */
  private static String safe(String path) {
    StringBuilder safe = new StringBuilder();
    for (char c : path.toCharArray()) {
      if (c > 0x20 && c < 0x7f && c != '%' && c != '\\' && c != '"') {
        safe.append(c);
      } else {
        safe.append('_');
      }
    }
    return safe.toString();
  }
}
