package uk.gov.tfwh.api.submission;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import uk.gov.tfwh.api.access.Role;
import uk.gov.tfwh.api.access.Viewer;
import uk.gov.tfwh.api.authority.Authorities;
import uk.gov.tfwh.api.period.PeriodParameters;
import uk.gov.tfwh.api.problem.BadParameterException;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;

/**
 * The submission resources: send a return, read receipts, sign off, the national status and the
 * audit log. Who may call each is {@link uk.gov.tfwh.api.access.ApiEndpoint}'s rule; what a
 * coordinator may see of another authority is decided here (nothing: not found).
 */
@RestController
class SubmissionController {
  static final URI PROBLEMS = URI.create("https://tfwh.example/problems/");

  private final SubmissionReports reports;

  SubmissionController(SubmissionReports reports) {
    this.reports = reports;
  }

  @Operation(
      summary =
          "Send a quarterly return (multipart: one .xlsx, or a .summary.csv with its .claims.csv)."
              + " 201 with the receipt when accepted (it then awaits the SRO's sign-off); 422 with"
              + " the findings when rejected (kept in quarantine, never loaded)")
  @PostMapping(
      path = "/api/v1/submissions",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Receipt> submit(
      @Parameter(description = "The return's file or files (repeat the part for a CSV pair)")
          @RequestParam(name = "file", required = false)
          List<MultipartFile> files,
      @Parameter(
              description =
                  "NATIONAL only: the authority submitted for. A coordinator always submits for"
                      + " their own")
          @RequestParam(required = false)
          String authority,
      Viewer viewer) {
    Submissions submissions = reports.desk().submissions();
    SubmissionRecord record = submissions.submit(viewer, authority, incoming(files));
    Receipt receipt = reports.receipt(record);
    return ResponseEntity.status(
            record.accepted() ? HttpStatus.CREATED : HttpStatus.UNPROCESSABLE_ENTITY)
        .location(URI.create("/api/v1/submissions/" + record.id()))
        .body(receipt);
  }

  @Operation(summary = "A submission's receipt, with where it has got to since")
  @GetMapping(path = "/api/v1/submissions/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Receipt> receipt(@PathVariable String id, Viewer viewer) {
    return ResponseEntity.ok()
        .cacheControl(org.springframework.http.CacheControl.noStore())
        .body(reports.receipt(visible(viewer, id)));
  }

  @Operation(
      summary =
          "Submissions, newest first: a coordinator's own authority's; the national team's of the"
              + " authority named, or of every authority")
  @GetMapping(path = "/api/v1/submissions", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<List<Receipt>> list(
      @Parameter(description = Authorities.CODE_DOC) @RequestParam(required = false)
          String authority,
      Viewer viewer) {
    String whose =
        viewer.role() == Role.COORDINATOR
            ? viewer.authority()
            : authority == null ? null : Authorities.wellFormed("authority", authority);
    reports.desk().submissions();
    return ResponseEntity.ok()
        .cacheControl(org.springframework.http.CacheControl.noStore())
        .body(reports.receipts(whose));
  }

  @Operation(
      summary =
          "The SRO signs off a received return (confirm=true): it then counts as submitted and"
              + " goes to the landing folder for the next load")
  @PostMapping(
      path = "/api/v1/submissions/{id}/sign-off",
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Receipt> signOff(
      @PathVariable String id,
      @Parameter(description = "true: I confirm these figures are correct")
          @RequestParam(defaultValue = "false")
          boolean confirm,
      Viewer viewer) {
    SubmissionRecord record = visible(viewer, id);
    SubmissionRecord signed =
        reports.desk().submissions().signOff(viewer, record.authority(), id, confirm);
    return ResponseEntity.ok(reports.receipt(signed));
  }

  @Operation(
      summary =
          "Every authority's submission state for a quarter (not_sent, rejected,"
              + " awaiting_sign_off, submitted, late), with counts")
  @GetMapping(
      path = "/api/v1/submissions/status",
      produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
  ResponseEntity<SubmissionStatus> status(
      @Parameter(description = PeriodParameters.PHASE_DOC) @RequestParam int phase,
      @Parameter(description = PeriodParameters.PERIOD_DOC) @RequestParam String period,
      @Parameter(description = "Only authorities in this state (not_sent, rejected, ...)")
          @RequestParam(required = false)
          String state) {
    Phase checked = PeriodParameters.phase(phase);
    Quarter quarter = PeriodParameters.quarterIn(checked, period);
    SubmissionStatus status = reports.status(checked, quarter);
    if (state != null) {
      SubmissionStatus.State wanted;
      try {
        wanted = SubmissionStatus.State.of(state.strip());
      } catch (IllegalArgumentException e) {
        throw new BadParameterException(
            "state",
            "state must be one of not_sent, rejected, awaiting_sign_off, submitted or late, not '"
                + state
                + "'");
      }
      status = status.only(wanted);
    }
    return ResponseEntity.ok()
        .cacheControl(org.springframework.http.CacheControl.noStore())
        .body(status);
  }

  @Operation(summary = "The submission service's audit log, oldest first")
  @GetMapping(path = "/api/v1/submissions/audit", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<List<AuditLog.Entry>> audit() {
    return ResponseEntity.ok()
        .cacheControl(org.springframework.http.CacheControl.noStore())
        .body(reports.desk().submissions().audit().read());
  }

  private SubmissionRecord visible(Viewer viewer, String id) {
    return reports
        .desk()
        .submissions()
        .visibleTo(viewer, id)
        .orElseThrow(() -> SubmissionException.notFound(id));
  }

  private static List<IncomingFile> incoming(List<MultipartFile> files) {
    List<IncomingFile> incoming = new ArrayList<>();
    if (files != null) {
      for (MultipartFile file : files) {
        if (file.isEmpty()
            && (file.getOriginalFilename() == null || file.getOriginalFilename().isEmpty())) {
          continue;
        }
        String name = file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename();
        incoming.add(new IncomingFile(name, file::getInputStream));
      }
    }
    return incoming;
  }

  @ExceptionHandler(SubmissionException.class)
  ResponseEntity<ProblemDetail> refused(SubmissionException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
    problem.setType(PROBLEMS.resolve(e.type()));
    return ResponseEntity.status(e.status())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
