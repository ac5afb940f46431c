package uk.gov.tfwh.api.problem;

import java.net.URI;
import org.apache.tomcat.util.http.fileupload.impl.FileCountLimitExceededException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import uk.gov.tfwh.api.access.Viewers;
import uk.gov.tfwh.programme.period.PhaseWrittenLoosely;
import uk.gov.tfwh.returns.read.ReadLimits;
import uk.gov.tfwh.returns.rules.Rule;
import uk.gov.tfwh.warehouse.query.QueryException;
import uk.gov.tfwh.warehouse.query.SnapshotUnavailableException;

/**
 * Every error as {@code application/problem+json} with a {@code detail} a caller can act on.
 * Spring's own errors (missing parameter, unsupported type) come from the base class.
 */
@RestControllerAdvice
public class ApiProblems extends ResponseEntityExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ApiProblems.class);
  private static final URI BASE = URI.create("https://tfwh.example/problems/");

  @ExceptionHandler(BadParameterException.class)
  ProblemDetail badParameter(BadParameterException e) {
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "bad-parameter", e.getMessage());
    problem.setProperty("parameter", e.parameter());
    return problem;
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
    ProblemDetail problem =
        problem(
            HttpStatus.BAD_REQUEST,
            "bad-parameter",
            e.getName()
                + " must be "
                + expected(e.getRequiredType())
                + ", not "
                + Rule.quote(String.valueOf(e.getValue()))
                + (e.getName().equals("phase")
                    ? PhaseWrittenLoosely.read(String.valueOf(e.getValue()))
                        .map(phase -> " (write phase=" + phase.number() + ")")
                        .orElse("")
                    : ""));
    problem.setProperty("parameter", e.getName());
    return problem;
  }

  /**
   * A required parameter left out is a bad parameter like any other: named, with the same type of
   * problem (Spring's own answer said {@code about:blank} and named nothing).
   */
  @Override
  protected ResponseEntity<Object> handleMissingServletRequestParameter(
      MissingServletRequestParameterException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    ProblemDetail problem =
        problem(
            HttpStatus.BAD_REQUEST,
            "bad-parameter",
            MissingParameter.required(
                    e.getParameterName(),
                    request instanceof ServletWebRequest servlet
                        ? servlet.getRequest().getQueryString()
                        : null)
                .getMessage());
    problem.setProperty("parameter", e.getParameterName());
    return ResponseEntity.badRequest().headers(headers).body(problem);
  }

  /**
   * An upload over the reader's own size limit (rule TFQR-F03), or with more parts than Tomcat
   * takes in one request: refused before anything is kept. Spring reports both as one exception, so
   * the cause tells them apart: a few bytes in too many parts must not be told its file is too
   * large.
   */
  @Override
  protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
      MaxUploadSizeExceededException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    boolean tooMany = causedBy(e, FileCountLimitExceededException.class);
    if (isPage(request)) {
      // The upload page: back to its form, which says what the limit is.
      return backToForm(tooMany ? "too-many" : "too-large");
    }
    ProblemDetail problem =
        tooMany
            ? problem(
                HttpStatus.PAYLOAD_TOO_LARGE,
                "too-many-files",
                "too many files in one upload: a return is a .summary.csv with its .claims.csv,"
                    + " or one .xlsx; send each return on its own. Nothing was kept from this"
                    + " upload")
            : problem(
                HttpStatus.PAYLOAD_TOO_LARGE,
                "too-large",
                "a file of a return may be at most "
                    + ReadLimits.defaults().maxFileBytes() / ReadLimits.MIB
                    + " MiB (rule TFQR-F03), a CSV pair twice that; nothing was kept from this"
                    + " upload");
    return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).headers(headers).body(problem);
  }

  /**
   * A body of a type the resource does not take (the upload sent as JSON, or with no Content-Type):
   * Spring's own detail named the type but not what to send.
   */
  @Override
  protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(
      HttpMediaTypeNotSupportedException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    if (isPage(request)) {
      return super.handleHttpMediaTypeNotSupported(e, headers, status, request);
    }
    String sent = e.getContentType() == null ? "none" : e.getContentType().toString();
    boolean upload =
        e.getSupportedMediaTypes().stream().anyMatch(MediaType.MULTIPART_FORM_DATA::includes);
    String detail =
        "the body's Content-Type ("
            + sent
            + ") is not one this resource takes: "
            + (upload
                ? "send the return's file or files as parts named 'file' of one"
                    + " multipart/form-data body (curl -F file=@kent.xlsx); nothing was kept from"
                    + " this upload"
                : "send " + MediaType.toString(e.getSupportedMediaTypes()));
    return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
        .headers(headers)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", detail));
  }

  /**
   * A body sent as multipart/form-data that is not (no boundary, a boundary the body never uses, a
   * body cut short): the sender's mistake, so a 400 saying what to send, not a 500. Sizes and part
   * counts have their own answer above.
   */
  @ExceptionHandler(MultipartException.class)
  ResponseEntity<Object> unreadableUpload(MultipartException e, WebRequest request) {
    LOG.info("unreadable multipart upload: {}", e.getMessage());
    if (isPage(request)) {
      return backToForm("unreadable");
    }
    return ResponseEntity.badRequest()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(
            problem(
                HttpStatus.BAD_REQUEST,
                "unreadable-upload",
                "the upload could not be read as multipart/form-data: send the return's file or"
                    + " files as parts named 'file' of one complete multipart/form-data body"
                    + " (curl -F file=@kent.xlsx); nothing was kept from this upload"));
  }

  /** The upload page posts outside /api; its errors go back to its form, not to JSON. */
  private static boolean isPage(WebRequest request) {
    return request instanceof ServletWebRequest servlet
        && !servlet.getRequest().getRequestURI().startsWith("/api/");
  }

  private static ResponseEntity<Object> backToForm(String why) {
    return ResponseEntity.status(HttpStatus.SEE_OTHER)
        .header(HttpHeaders.LOCATION, "/submissions/new?" + why)
        .build();
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return true;
      }
    }
    return false;
  }

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "not-found", e.getMessage());
  }

  @ExceptionHandler(SnapshotUnavailableException.class)
  ProblemDetail noSnapshot(SnapshotUnavailableException e) {
    // The message names the warehouse folder, which is not the caller's business.
    LOG.info("no snapshot: {}", e.getMessage());
    return problem(
        HttpStatus.NOT_FOUND,
        "no-data",
        "no figures are available yet: nothing has been "
            + (Viewers.current().isAnonymous() ? "published" : "loaded"));
  }

  @ExceptionHandler(AccessDeniedException.class)
  ProblemDetail refused(AccessDeniedException e) {
    return Viewers.current().isAnonymous()
        ? problem(HttpStatus.UNAUTHORIZED, "sign-in", "sign in for this resource")
        : problem(HttpStatus.FORBIDDEN, "forbidden", e.getMessage());
  }

  @ExceptionHandler(QueryException.class)
  ProblemDetail queryFailed(QueryException e) {
    LOG.error("query failed", e);
    return problem(
        HttpStatus.SERVICE_UNAVAILABLE,
        "query-failed",
        "the warehouse could not answer just now; try again");
  }

  private static String expected(Class<?> type) {
    if (type == null) {
      return "valid";
    }
    if (type == int.class || type == Integer.class) {
      return "a whole number";
    }
    return "a valid " + type.getSimpleName();
  }

  private static ProblemDetail problem(HttpStatus status, String type, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(BASE.resolve(type));
    return problem;
  }
}
