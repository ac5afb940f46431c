package uk.gov.tfwh.api.web.submission;

import static java.util.Objects.requireNonNull;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import uk.gov.tfwh.api.access.Role;
import uk.gov.tfwh.api.access.Viewer;
import uk.gov.tfwh.api.submission.IncomingFile;
import uk.gov.tfwh.api.submission.Receipt;
import uk.gov.tfwh.api.submission.SubmissionException;
import uk.gov.tfwh.api.submission.SubmissionRecord;
import uk.gov.tfwh.api.submission.SubmissionReports;
import uk.gov.tfwh.api.submission.SubmissionState;
import uk.gov.tfwh.api.submission.SubmissionStatus;
import uk.gov.tfwh.api.submission.Submissions;
import uk.gov.tfwh.api.web.access.PageViewer;
import uk.gov.tfwh.api.web.page.BadPageRequest;
import uk.gov.tfwh.api.web.page.PageNotFound;
import uk.gov.tfwh.api.web.page.SpreadsheetCsv;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;
import uk.gov.tfwh.returns.read.ReadLimits;

/**
 * The submission pages: "Send your quarterly return", its receipt with the findings and the SRO's
 * sign-off, an authority's submissions, and the national team's status of a quarter. The forms
 * carry Spring Security's CSRF token (the page chain checks it); who may open which page is {@code
 * PageSecurity}'s rule, and a coordinator is kept to their own authority here.
 */
@Controller
public class SubmissionPages {
  private final SubmissionReports reports;

  public SubmissionPages(SubmissionReports reports) {
    this.reports = requireNonNull(reports, "reports");
  }

  @GetMapping("/submissions")
  public String list(
      @ModelAttribute("viewer") PageViewer viewer,
      @RequestParam(required = false) String authority,
      Model model) {
    Submissions submissions = reports.desk().submissions();
    String whose = whose(viewer.viewer(), authority, submissions);
    model.addAttribute("authority", whose);
    model.addAttribute("authorityName", whose == null ? null : authorityName(submissions, whose));
    model.addAttribute("receipts", reports.receipts(whose));
    return "web/submissions";
  }

  /**
   * The upload form; after an upload refused before it reached the page (too large, too many files,
   * not readable as a form), again with what was wrong.
   */
  @GetMapping("/submissions/new")
  public String form(
      @ModelAttribute("viewer") PageViewer viewer,
      @RequestParam(name = "too-large", required = false) String tooLarge,
      @RequestParam(name = "too-many", required = false) String tooMany,
      @RequestParam(required = false) String unreadable,
      Model model) {
    List<String> errors = new ArrayList<>();
    if (tooLarge != null) {
      errors.add(
          "The file is too large: each file of a return may be at most "
              + ReadLimits.defaults().maxFileBytes() / ReadLimits.MIB
              + " MiB. Nothing was kept; choose the right file.");
    }
    if (tooMany != null) {
      errors.add(
          "Too many files: a return is a .summary.csv with its .claims.csv, or one .xlsx."
              + " Nothing was kept; choose the files of one return.");
    }
    if (unreadable != null) {
      errors.add(
          "The upload could not be read. Nothing was kept; choose the file again and send it.");
    }
    formModel(viewer, model, errors, null);
    return "web/submit";
  }

  @PostMapping("/submissions")
  public String submit(
      @ModelAttribute("viewer") PageViewer viewer,
      @RequestParam(name = "file", required = false) List<MultipartFile> files,
      @RequestParam(required = false) String authority,
      Model model,
      HttpServletResponse response) {
    Submissions submissions = reports.desk().submissions();
    List<IncomingFile> incoming = new ArrayList<>();
    if (files != null) {
      for (MultipartFile file : files) {
        String name = file.getOriginalFilename();
        if (name != null && !name.isEmpty()) {
          incoming.add(new IncomingFile(name, file::getInputStream));
        }
      }
    }
    try {
      SubmissionRecord record = submissions.submit(viewer.viewer(), authority, incoming);
      return "redirect:/submissions/" + record.id();
    } catch (SubmissionException e) {
      response.setStatus(e.status().value());
      formModel(viewer, model, List.of(e.getMessage()), authority);
      return "web/submit";
    }
  }

  @GetMapping("/submissions/{id}")
  public String receipt(
      @ModelAttribute("viewer") PageViewer viewer, @PathVariable String id, Model model) {
    receiptModel(viewer, visible(viewer.viewer(), id), model, List.of());
    return "web/receipt";
  }

  @PostMapping("/submissions/{id}/sign-off")
  public String signOff(
      @ModelAttribute("viewer") PageViewer viewer,
      @PathVariable String id,
      @RequestParam(required = false) String confirm,
      Model model,
      HttpServletResponse response) {
    SubmissionRecord record = visible(viewer.viewer(), id);
    try {
      reports
          .desk()
          .submissions()
          .signOff(viewer.viewer(), record.authority(), id, "yes".equals(confirm));
      return "redirect:/submissions/" + id + "?signed-off";
    } catch (SubmissionException e) {
      response.setStatus(e.status().value());
      receiptModel(
          viewer,
          reports.desk().submissions().find(record.authority(), id),
          model,
          List.of(e.getMessage()));
      return "web/receipt";
    }
  }

  @GetMapping("/submissions/status")
  public String status(
      @ModelAttribute("viewer") PageViewer viewer,
      @RequestParam(required = false) String phase,
      @RequestParam(required = false) String period,
      @RequestParam(required = false) String state,
      Model model) {
    StatusChoice choice = StatusChoice.of(phase, period, state);
    SubmissionStatus all = reports.status(choice.phase(), choice.quarter());
    model.addAttribute("choice", choice);
    model.addAttribute("status", all);
    model.addAttribute("shown", choice.state().map(all::only).orElse(all).authorities());
    model.addAttribute("states", SubmissionStatus.State.values());
    model.addAttribute("quarters", StatusChoice.quarters());
    model.addAttribute("csv", choice.link("/submissions/status.csv"));
    return "web/submission-status";
  }

  /**
   * The status as a CSV for people: what the page shows (the same quarter and state filter), its
   * quarter and filter stated in the first lines, with a byte-order mark so spreadsheets read it as
   * UTF-8.
   */
  @GetMapping("/submissions/status.csv")
  public void statusCsv(
      @RequestParam(required = false) String phase,
      @RequestParam(required = false) String period,
      @RequestParam(required = false) String state,
      HttpServletResponse response)
      throws IOException {
    StatusChoice choice = StatusChoice.of(phase, period, state);
    SubmissionStatus all = reports.status(choice.phase(), choice.quarter());
    SubmissionStatus shown = choice.state().map(all::only).orElse(all);
    SpreadsheetCsv.write(
        response,
        "submission-status-phase"
            + choice.phase().number()
            + "-"
            + choice.quarter().label()
            + choice.state().map(s -> "-" + s.code()).orElse("")
            + ".csv",
        null,
        "Submission status, phase "
            + choice.phase().number()
            + ", "
            + choice.quarter().label()
            + (choice.state().isPresent()
                ? ", state " + choice.state().get().code()
                : ", every state"),
        shown.table());
  }

  private void formModel(PageViewer viewer, Model model, List<String> errors, String authority) {
    Submissions submissions = reports.desk().submissions();
    model.addAttribute("errors", errors);
    model.addAttribute("chosenAuthority", authority);
    model.addAttribute(
        "authorities", viewer.isNational() ? submissions.reference().authorities() : List.of());
    model.addAttribute(
        "authorityName",
        viewer.viewer().role() == Role.COORDINATOR
            ? authorityName(submissions, viewer.viewer().authority())
            : null);
  }

  private void receiptModel(
      PageViewer viewer, SubmissionRecord record, Model model, List<String> errors) {
    Receipt receipt = reports.receipt(record);
    model.addAttribute("receipt", receipt);
    model.addAttribute(
        "authorityName", authorityName(reports.desk().submissions(), record.authority()));
    model.addAttribute("errors", errors);
    model.addAttribute(
        "maySignOff",
        record.state() == SubmissionState.AWAITING_SIGN_OFF
            && viewer.viewer().coordinates(record.authority())
            && reports.desk().submissions().signsOff(viewer.viewer()));
  }

  private SubmissionRecord visible(Viewer viewer, String id) {
    return reports
        .desk()
        .submissions()
        .visibleTo(viewer, id)
        .orElseThrow(() -> new PageNotFound("There is no submission " + id + " for you to see."));
  }

  private static String whose(Viewer viewer, String asked, Submissions submissions) {
    if (viewer.role() == Role.COORDINATOR) {
      return viewer.authority();
    }
    if (asked == null || asked.isBlank()) {
      return null;
    }
    String code = asked.strip().toUpperCase(java.util.Locale.ROOT);
    if (submissions.reference().authority(code).isEmpty()) {
      throw new BadPageRequest(asked + " is not an authority code");
    }
    return code;
  }

  private static String authorityName(Submissions submissions, String code) {
    return submissions.reference().authority(code).map(a -> a.name()).orElse(code);
  }

  /** The quarter and state the status page shows. */
  public record StatusChoice(Phase phase, Quarter quarter, Optional<SubmissionStatus.State> state) {
    static StatusChoice of(String phase, String period, String state) {
      Phase chosenPhase;
      Quarter quarter;
      try {
        chosenPhase =
            phase == null || phase.isBlank()
                ? Phase.ofNumber(2)
                : Phase.ofNumber(Integer.parseInt(phase.strip()));
        quarter =
            period == null || period.isBlank()
                ? chosenPhase.lastQuarter()
                : Quarter.parse(period.strip());
      } catch (IllegalArgumentException e) {
        throw new BadPageRequest("Choose phase 1 or 2 and a quarter such as 2015Q1 or 2015-03-31.");
      }
      if (!chosenPhase.covers(quarter)) {
        throw new BadPageRequest(
            quarter.label() + " is not a quarter of phase " + chosenPhase.number() + ".");
      }
      Optional<SubmissionStatus.State> chosenState;
      try {
        chosenState =
            state == null || state.isBlank()
                ? Optional.empty()
                : Optional.of(SubmissionStatus.State.of(state.strip()));
      } catch (IllegalArgumentException e) {
        throw new BadPageRequest(
            "Choose a state: not_sent, rejected, awaiting_sign_off, submitted or late.");
      }
      return new StatusChoice(chosenPhase, quarter, chosenState);
    }

    String link(String path) {
      return path
          + "?phase="
          + phase.number()
          + "&period="
          + quarter.label()
          + state.map(s -> "&state=" + s.code()).orElse("");
    }

    /** Every quarter of either phase, oldest first. */
    public static List<Quarter> quarters() {
      List<Quarter> quarters = new ArrayList<>();
      Quarter last = Phase.ofNumber(2).lastQuarter();
      for (Quarter q = Phase.ofNumber(1).firstQuarter(); !q.isAfter(last); q = q.next()) {
        quarters.add(q);
      }
      return quarters;
    }
  }
}
