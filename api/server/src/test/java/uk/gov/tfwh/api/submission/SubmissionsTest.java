package uk.gov.tfwh.api.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.api.access.Role;
import uk.gov.tfwh.api.access.Viewer;
import uk.gov.tfwh.programme.reference.ReferenceData;
import uk.gov.tfwh.programme.reference.ReferenceDataLoader;
import uk.gov.tfwh.programme.reference.SubmissionWindowsLoader;
import uk.gov.tfwh.returns.read.LandingFolder;
import uk.gov.tfwh.returns.read.ReadLimits;
import uk.gov.tfwh.returns.read.ReturnReader;

/** The submission service in process, over real folders, with the project's reference data. */
class SubmissionsTest {
  private static final Path REFERENCE = Path.of("../../reference");
  private static final Path EXAMPLES = Path.of("../../contract/examples");
  private static final String BIRMINGHAM = "E08000025";
  private static final String KENT = "E10000016";
  private static final String BIRMINGHAM_Q3 = "valid-p1-birmingham-2013Q3.summary.csv";
  private static final ReferenceData DATA = ReferenceDataLoader.load(REFERENCE);

  @TempDir Path dir;
  Path landing;
  Path folder;
  Instant now = Instant.parse("2013-10-01T09:00:00Z");

  @BeforeEach
  void folders() {
    landing = dir.resolve("landing");
    folder = dir.resolve("submissions");
  }

  Submissions service() {
    return service(QuarantineLimit.DEFAULTS);
  }

  Submissions service(QuarantineLimit limit) {
    SubmissionStore store = new SubmissionStore(landing, folder);
    return new Submissions(
        store,
        new ReturnCheck(new ReturnReader(DATA, ReadLimits.defaults()), store),
        DATA,
        SubmissionWindowsLoader.load(REFERENCE.resolve(SubmissionWindowsLoader.FILE)),
        (authority, phase, quarter) -> false,
        viewer -> viewer.name().equals("sro"),
        new AuditLog(dir.resolve("warehouse")),
        Clock.fixed(now, ZoneOffset.UTC),
        limit);
  }

  static Viewer coordinator(String name, String authority) {
    return Viewer.user(name, Role.COORDINATOR, authority);
  }

  static IncomingFile example(String name) {
    return new IncomingFile(name, () -> Files.newInputStream(EXAMPLES.resolve(name)));
  }

  @Test
  void theAuthorityComesFromTheSignedInCoordinatorAndAReturnForAnotherIsRejected() {
    SubmissionRecord own =
        service().submit(coordinator("ana", BIRMINGHAM), null, List.of(example(BIRMINGHAM_Q3)));
    SubmissionRecord other =
        service()
            .submit(coordinator("kim", "E10000016"), BIRMINGHAM, List.of(example(BIRMINGHAM_Q3)));

    assertThat(own.state()).isEqualTo(SubmissionState.AWAITING_SIGN_OFF);
    assertThat(own.authority()).isEqualTo(BIRMINGHAM);
    assertThat(other.authority()).isEqualTo("E10000016");
    assertThat(other.state()).isEqualTo(SubmissionState.REJECTED);
    assertThat(other.findings())
        .anySatisfy(
            f -> {
              assertThat(f.ruleId()).isEqualTo("TFQR-S16");
              assertThat(f.column()).isEqualTo("authority_code");
              assertThat(f.message()).contains("This return is for " + BIRMINGHAM);
            });
  }

  /**
   * The contract: "every message names the file, the sheet, the row, the column and the rule". The
   * service's own check of the sender's authority gave a rule id but a message that named none of
   * them, unlike every other finding in the same receipt.
   */
  @Test
  void theSendersAuthorityFindingNamesFileSheetRowColumnAndRuleAsEveryMessageMust() {
    SubmissionRecord other =
        service().submit(coordinator("kim", KENT), null, List.of(example(BIRMINGHAM_Q3)));

    assertThat(other.findings())
        .filteredOn(f -> "TFQR-S16".equals(f.ruleId()))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.message())
                    .startsWith(
                        "file "
                            + BIRMINGHAM_Q3
                            + ", sheet summary, row 2, column authority_code: This return is for "
                            + BIRMINGHAM)
                    .contains("you are sending returns for " + KENT)
                    .endsWith("[rule TFQR-S16]"));
  }

  @Test
  void aRejectedReturnIsQuarantinedWithItsFindingsAndNeverReachesTheLandingFolder() {
    Submissions service = service();
    SubmissionRecord rejected =
        service.submit(
            coordinator("ana", BIRMINGHAM), null, List.of(example("bad-arithmetic.summary.csv")));

    assertThat(rejected.state()).isEqualTo(SubmissionState.REJECTED);
    assertThat(rejected.findings()).anySatisfy(f -> assertThat(f.rejectsReturn()).isTrue());
    assertThat(rejected.findings())
        .allSatisfy(f -> assertThat(f.file()).doesNotContain(rejected.id()));
    assertThat(landingFiles()).isEmpty();
    Path kept = service.store().pathOf(rejected, rejected.files().get(0));
    assertThat(kept).startsWith(folder.resolve("quarantine")).exists();
    assertThat(service.store().sidecarOf(rejected.id())).exists();
    assertThatThrownBy(
            () -> service.signOff(coordinator("sro", BIRMINGHAM), BIRMINGHAM, rejected.id(), true))
        .isInstanceOf(SubmissionException.class)
        .hasMessageContaining("rejected");
    assertThat(landingFiles()).isEmpty();
  }

  @Test
  void pastTheQuarantineLimitAnUploadIsRefusedWithNothingWrittenUntilTheOldestIsADayOld()
      throws Exception {
    QuarantineLimit twoADay = new QuarantineLimit(2, 1024 * 1024, java.time.Duration.ofDays(1));
    Viewer ana = coordinator("ana", BIRMINGHAM);
    for (int i = 0; i < 2; i++) {
      assertThat(
              service(twoADay)
                  .submit(ana, null, List.of(example("bad-arithmetic.summary.csv")))
                  .state())
          .isEqualTo(SubmissionState.REJECTED);
    }
    List<Path> kept;
    try (var files = Files.walk(folder)) {
      kept = files.toList();
    }

    assertThatThrownBy(() -> service(twoADay).submit(ana, null, List.of(example(BIRMINGHAM_Q3))))
        .isInstanceOf(SubmissionException.class)
        .hasMessageContaining(BIRMINGHAM + " has sent as many rejected uploads")
        .satisfies(e -> assertThat(((SubmissionException) e).status().value()).isEqualTo(429));
    try (var files = Files.walk(folder)) {
      assertThat(files.toList()).as("nothing of the refused upload").isEqualTo(kept);
    }
    // Another authority is not held back by Birmingham's.
    assertThat(
            service(twoADay)
                .submit(
                    coordinator("kim", KENT), null, List.of(example("bad-arithmetic.summary.csv")))
                .state())
        .isEqualTo(SubmissionState.REJECTED);

    // A day after the first two, the authority may send again.
    now = now.plus(java.time.Duration.ofDays(1)).plusSeconds(1);
    assertThat(service(twoADay).submit(ana, null, List.of(example(BIRMINGHAM_Q3))).state())
        .isNotEqualTo(SubmissionState.REJECTED);
  }

  @Test
  void anAcceptedReturnReachesTheLandingFolderOnlyWhenItsSroSignsItOff() {
    Submissions service = service();
    SubmissionRecord held =
        service.submit(coordinator("ana", BIRMINGHAM), null, List.of(example(BIRMINGHAM_Q3)));
    assertThat(landingFiles()).isEmpty();

    assertThatThrownBy(
            () -> service.signOff(coordinator("ana", BIRMINGHAM), BIRMINGHAM, held.id(), true))
        .isInstanceOf(SubmissionException.class)
        .hasMessageContaining("senior responsible officer");
    assertThatThrownBy(
            () -> service.signOff(coordinator("sro", BIRMINGHAM), BIRMINGHAM, held.id(), false))
        .hasMessageContaining("confirm");
    assertThatThrownBy(
            () -> service.signOff(coordinator("sro", "E10000016"), "E10000016", held.id(), true))
        .hasMessageContaining("no submission");
    assertThat(landingFiles()).isEmpty();

    SubmissionRecord signed =
        service.signOff(coordinator("sro", BIRMINGHAM), BIRMINGHAM, held.id(), true);

    assertThat(signed.state()).isEqualTo(SubmissionState.SUBMITTED);
    assertThat(signed.signOff().by()).isEqualTo("sro");
    assertThat(signed.signOff().at()).isEqualTo(now);
    assertThat(LandingFolder.scan(landing).returns()).hasSize(1);
    assertThat(LandingFolder.scan(landing).findings()).isEmpty();
    assertThat(service.audit().read())
        .extracting(AuditLog.Entry::action)
        .containsExactly(
            AuditLog.Action.ACCEPTED,
            AuditLog.Action.SIGN_OFF_REFUSED,
            AuditLog.Action.SIGN_OFF_REFUSED,
            AuditLog.Action.SIGNED_OFF);
  }

  /**
   * Names are read here as the landing folder reads them (ReturnFileName): the suffix without case,
   * and a stem that is not empty.
   */
  @Test
  void anUploadedNameIsAPartOfAReturnByTheLandingFoldersRule() {
    SubmissionRecord upper =
        service()
            .submit(
                coordinator("ana", BIRMINGHAM),
                null,
                List.of(renamed(BIRMINGHAM_Q3, "Birmingham-2013Q3.SUMMARY.CSV")));

    assertThat(upper.state()).isEqualTo(SubmissionState.AWAITING_SIGN_OFF);
    assertThat(upper.files())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.part()).isEqualTo("summary");
              assertThat(f.name()).isEqualTo(upper.id() + ".summary.csv");
              assertThat(f.uploadedAs()).isEqualTo("Birmingham-2013Q3.SUMMARY.CSV");
            });
  }

  /**
   * A name that is only a suffix has no stem, and the landing folder takes no such file as a
   * return. The service used to keep it as the summary of a return anyway (under a stored name with
   * a stem), so the same file was a return when uploaded and not one when dropped in the folder.
   */
  @Test
  void anUploadNamedOnlyBySuffixIsNoReturnAsInTheLandingFolder() {
    SubmissionRecord bare =
        service()
            .submit(
                coordinator("ana", BIRMINGHAM),
                null,
                List.of(renamed(BIRMINGHAM_Q3, ".summary.csv")));

    assertThat(bare.state()).isEqualTo(SubmissionState.REJECTED);
    assertThat(bare.files())
        .singleElement()
        .satisfies(f -> assertThat(f.part()).isEqualTo("other"));
    assertThat(bare.findings())
        .anySatisfy(
            f -> {
              assertThat(f.ruleId()).isEqualTo("TFQR-F04");
              assertThat(f.message()).contains("the upload holds no return");
            });
  }

  /**
   * The service keeps a file that is no part of a return as {@code <id>.file}, so what the landing
   * folder says of a copy's name would be lost if the hint were made from the kept name: it is made
   * from the sender's, and names the file as the sender did.
   */
  @Test
  void anUploadNamedAsABrowsersSecondCopyIsToldTheNameItWasMeantToHave() {
    SubmissionRecord copy =
        service()
            .submit(
                coordinator("ana", BIRMINGHAM),
                null,
                List.of(renamed(BIRMINGHAM_Q3, "Birmingham-2013Q3.summary (1).csv")));

    assertThat(copy.state()).isEqualTo(SubmissionState.REJECTED);
    assertThat(copy.files())
        .singleElement()
        .satisfies(f -> assertThat(f.part()).isEqualTo("other"));
    assertThat(copy.findings())
        .filteredOn(f -> f.file().equals("Birmingham-2013Q3.summary (1).csv"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.ruleId()).isEqualTo("TFQR-F04");
              assertThat(f.message())
                  .contains("; if it is a return's summary, name it Birmingham-2013Q3.summary.csv.")
                  .doesNotContain(copy.id());
            });
  }

  @Test
  void aWorkbookSavedInAnotherFormatIsToldToSaveItAsXlsx() {
    SubmissionRecord xls =
        service()
            .submit(
                coordinator("ana", BIRMINGHAM),
                null,
                List.of(renamed("valid-p2-bristol-2015Q2.xlsx", "bristol-2015Q2.xls")));

    assertThat(xls.findings())
        .extracting(SubmissionFinding::message)
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains(
                        "; a return workbook is read only as an Excel Workbook: save it as .xlsx,"
                            + " named bristol-2015Q2.xlsx, and send that."));
  }

  static IncomingFile renamed(String example, String name) {
    return new IncomingFile(name, () -> Files.newInputStream(EXAMPLES.resolve(example)));
  }

  @Test
  void aReturnReceivedAfterTheEndOfItsDeadlineDayIsAcceptedAndMarkedLate() {
    // 2013Q3 ends on 30 September; 31 days later is 31 October, in GMT from the 27th.
    now = Instant.parse("2013-10-31T23:59:59Z");
    SubmissionRecord onTime =
        service().submit(coordinator("ana", BIRMINGHAM), null, List.of(example(BIRMINGHAM_Q3)));
    now = Instant.parse("2013-11-01T00:00:00Z");
    SubmissionRecord late =
        service().submit(coordinator("ana", BIRMINGHAM), null, List.of(example(BIRMINGHAM_Q3)));

    assertThat(onTime.late()).isFalse();
    assertThat(late.late()).isTrue();
    assertThat(late.state()).isEqualTo(SubmissionState.AWAITING_SIGN_OFF);
    assertThat(late.deadline()).isEqualTo(Instant.parse("2013-11-01T00:00:00Z"));
    assertThat(late.windowVersion()).isEqualTo("2026.12-windows-1");
  }

  @Test
  void aStaleResubmissionIsRejectedByTheHistoryRules() {
    Submissions service = service();
    SubmissionRecord first =
        service.submit(coordinator("ana", BIRMINGHAM), null, List.of(example(BIRMINGHAM_Q3)));
    service.signOff(coordinator("sro", BIRMINGHAM), BIRMINGHAM, first.id(), true);
    now = now.plusSeconds(60);

    SubmissionRecord again =
        service.submit(coordinator("ana", BIRMINGHAM), null, List.of(example(BIRMINGHAM_Q3)));

    // The same submitted_at as the accepted return: stale (TFQR-H01) or an identical copy.
    assertThat(again.findings())
        .extracting(SubmissionFinding::ruleId)
        .containsAnyOf("TFQR-H01", "TFQR-N02");
  }

  @Test
  void aRestartRemovesAnUnfinishedSubmissionAndFinishesAnInterruptedSignOff() throws IOException {
    Submissions service = service();
    SubmissionRecord held =
        service.submit(coordinator("ana", BIRMINGHAM), null, List.of(example(BIRMINGHAM_Q3)));
    // A crash after the sign-off's sidecar, before its files moved: the sidecar says submitted.
    SubmissionRecord signed = held.signedOff(new SubmissionRecord.SignOff("sro", now));
    Files.write(
        service.store().sidecarOf(held.id()), SubmissionStore.JSON.writeValueAsBytes(signed));
    // A crash mid-submission: a file moved into the hold with no sidecar yet, and an upload.
    Files.writeString(folder.resolve("held").resolve("X-unfinished.summary.csv"), "half");
    Files.createDirectories(folder.resolve("incoming").resolve("X-upload"));
    Files.writeString(folder.resolve("incoming").resolve("X-upload").resolve("a.xlsx"), "half");

    SubmissionStore reopened = new SubmissionStore(landing, folder);

    assertThat(landingFiles()).containsExactly(held.files().get(0).name());
    assertThat(folder.resolve("held")).isEmptyDirectory();
    assertThat(folder.resolve("incoming")).isEmptyDirectory();
    assertThat(reopened.find(held.id()))
        .hasValueSatisfying(r -> assertThat(r.state()).isEqualTo(SubmissionState.SUBMITTED));
  }

  @Test
  void aSecondUploadWhileTheFirstIsBeingCheckedIsRefusedWithNothingWritten() throws Exception {
    Submissions service = service();
    java.util.concurrent.CountDownLatch reading = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    IncomingFile slow =
        new IncomingFile(
            BIRMINGHAM_Q3,
            () -> {
              reading.countDown();
              try {
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return Files.newInputStream(EXAMPLES.resolve(BIRMINGHAM_Q3));
            });
    Thread first =
        new Thread(() -> service.submit(coordinator("ana", BIRMINGHAM), null, List.of(slow)));
    first.start();
    reading.await();

    assertThatThrownBy(
            () ->
                service.submit(
                    coordinator("ana", BIRMINGHAM),
                    null,
                    List.of(
                        new IncomingFile("x.xlsx", () -> new ByteArrayInputStream(new byte[1])))))
        .isInstanceOf(SubmissionException.class)
        .hasMessageContaining("being checked");
    release.countDown();
    first.join();
    assertThat(service.store().all()).hasSize(1);
    assertThat(service.audit().read())
        .extracting(AuditLog.Entry::action)
        .contains(AuditLog.Action.REFUSED);
  }

  private List<String> landingFiles() {
    try (var files = Files.list(landing)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
