package uk.gov.tfwh.api.submission;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.http.HttpStatus;
import uk.gov.tfwh.api.access.Role;
import uk.gov.tfwh.api.access.Viewer;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;
import uk.gov.tfwh.programme.reference.ReferenceData;
import uk.gov.tfwh.programme.reference.SubmissionWindow;
import uk.gov.tfwh.programme.reference.SubmissionWindows;
import uk.gov.tfwh.returns.model.ReturnFileName;
import uk.gov.tfwh.returns.model.ReturnIdentity;
import uk.gov.tfwh.returns.rules.Rule;

/**
 * The submission service: takes an authority's return, checks it with the load's rules at once,
 * keeps it (held for sign-off, or quarantined when rejected) with its record, and moves it into the
 * landing folder when the authority's SRO signs it off. One upload or sign-off per authority at a
 * time: a second one meanwhile is refused at once, with nothing written.
 */
public final class Submissions {
  private static final DateTimeFormatter ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);
  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * A file that is no part of a return is still kept, under a name no return's part has, so the
   * check reports it (TFQR-F04) rather than the upload losing it.
   */
  private static final String OTHER_PART = "other";

  private static final String OTHER_SUFFIX = ".file";

  private final SubmissionStore store;
  private final ReturnCheck check;
  private final ReferenceData reference;
  private final SubmissionWindows windows;
  private final PublishedReturns published;
  private final SignOffOfficers officers;
  private final AuditLog audit;
  private final Clock clock;
  private final QuarantineLimit quarantineLimit;
  private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

  /** Who may sign off for an authority: the users flagged as its SRO. */
  @FunctionalInterface
  public interface SignOffOfficers {
    boolean signsOff(Viewer viewer);
  }

  public Submissions(
      SubmissionStore store,
      ReturnCheck check,
      ReferenceData reference,
      SubmissionWindows windows,
      PublishedReturns published,
      SignOffOfficers officers,
      AuditLog audit,
      Clock clock,
      QuarantineLimit quarantineLimit) {
    this.quarantineLimit = requireNonNull(quarantineLimit, "quarantineLimit");
    this.store = requireNonNull(store, "store");
    this.check = requireNonNull(check, "check");
    this.reference = requireNonNull(reference, "reference");
    this.windows = requireNonNull(windows, "windows");
    this.published = requireNonNull(published, "published");
    this.officers = requireNonNull(officers, "officers");
    this.audit = requireNonNull(audit, "audit");
    this.clock = requireNonNull(clock, "clock");
  }

  public SubmissionStore store() {
    return store;
  }

  public ReferenceData reference() {
    return reference;
  }

  public SubmissionWindows windows() {
    return windows;
  }

  public AuditLog audit() {
    return audit;
  }

  public boolean signsOff(Viewer viewer) {
    return officers.signsOff(viewer);
  }

  /**
   * The authority a submission by this viewer is for: a coordinator's own (the access rules have
   * already refused another), or the one the national team names.
   */
  public String authorityFor(Viewer viewer, String asked) {
    if (viewer.role() == Role.COORDINATOR) {
      return viewer.authority();
    }
    if (viewer.role() != Role.NATIONAL) {
      throw new SubmissionException(
          HttpStatus.FORBIDDEN, "forbidden", "only coordinators and the national team submit");
    }
    if (asked == null || asked.isBlank()) {
      throw SubmissionException.badRequest(
          "name the authority you are submitting for with the parameter authority=CODE");
    }
    String code = asked.trim();
    if (reference.authority(code).isEmpty()) {
      throw SubmissionException.badRequest(code + " is not an authority in the reference list");
    }
    return code;
  }

  /** Takes, checks and keeps one upload; answers its record (the receipt). */
  public SubmissionRecord submit(Viewer viewer, String askedAuthority, List<IncomingFile> files) {
    String authority = authorityFor(viewer, askedAuthority);
    if (files.isEmpty()) {
      throw SubmissionException.badRequest(
          "choose a file: your return as one workbook (.xlsx), or a <stem>.summary.csv with its"
              + " <stem>.claims.csv");
    }
    ReentrantLock lock = locks.computeIfAbsent(authority, a -> new ReentrantLock());
    if (!lock.tryLock()) {
      refused(viewer, authority, "another upload was being checked");
      throw SubmissionException.busy(authority);
    }
    try {
      Instant received = clock.instant();
      // Read once: the limit and the history rules both need the authority's submissions.
      List<SubmissionRecord> earlier = store.ofAuthority(authority);
      if (!quarantineLimit.allowsAnother(earlier, received)) {
        refused(viewer, authority, "the quarantine limit of rejected uploads was reached");
        throw SubmissionException.quarantineFull(authority, quarantineLimit);
      }
      String id = authority + "-" + ID_TIME.format(received) + "-" + randomHex();
      Path dir = store.newIncoming(id);
      try {
        List<SubmissionRecord.StoredFile> stored = stage(id, files, dir);
        CheckedReturn checked =
            check.check(dir, authority, earlier, StoredNames.of(stored), received);
        SubmissionRecord record = record(id, viewer, authority, received, stored, checked);
        store.commitNew(record, dir);
        audit.append(
            entry(
                viewer,
                record.accepted() ? AuditLog.Action.ACCEPTED : AuditLog.Action.REJECTED,
                authority,
                record.id(),
                record.mainFile().map(SubmissionRecord.StoredFile::sha256).orElse(null),
                record.accepted()
                    ? "awaiting sign-off" + (record.late() ? "; late" : "")
                    : record.findings().stream().filter(SubmissionFinding::rejectsReturn).count()
                        + " finding(s) reject the return"));
        return record;
      } finally {
        store.discardIncoming(dir);
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * The SRO confirms a held return: it is recorded as submitted, with who and when, and moved into
   * the landing folder.
   */
  public SubmissionRecord signOff(Viewer viewer, String authority, String id, boolean confirmed) {
    SubmissionRecord record = find(authority, id);
    ReentrantLock lock = locks.computeIfAbsent(authority, a -> new ReentrantLock());
    if (!lock.tryLock()) {
      throw SubmissionException.busy(authority);
    }
    try {
      record = find(authority, id);
      String refusal = null;
      HttpStatus status = HttpStatus.CONFLICT;
      if (!viewer.coordinates(authority) || !officers.signsOff(viewer)) {
        refusal =
            "only "
                + authority
                + "'s senior responsible officer (a coordinator user flagged as its SRO) can sign"
                + " off its return";
        status = HttpStatus.FORBIDDEN;
      } else if (record.state() == SubmissionState.REJECTED) {
        refusal = "this return was rejected: it cannot be signed off. Send a corrected return.";
      } else if (record.state() == SubmissionState.SUBMITTED) {
        refusal = "this return was already signed off by " + record.signOff().by();
      } else if (!confirmed) {
        refusal = "confirm that these figures are correct to sign the return off";
        status = HttpStatus.BAD_REQUEST;
      }
      if (refusal != null) {
        audit.append(
            entry(
                viewer,
                AuditLog.Action.SIGN_OFF_REFUSED,
                authority,
                id,
                checksum(record),
                refusal));
        throw new SubmissionException(status, "sign-off-refused", refusal);
      }
      SubmissionRecord signed =
          record.signedOff(new SubmissionRecord.SignOff(viewer.name(), clock.instant()));
      store.commitSignOff(signed);
      audit.append(
          entry(
              viewer,
              AuditLog.Action.SIGNED_OFF,
              authority,
              id,
              checksum(signed),
              "in the landing folder"));
      return signed;
    } finally {
      lock.unlock();
    }
  }

  /**
   * A submission, if this viewer may see it: the national team sees every one, a coordinator only
   * their own authority's (another's is as good as absent: whether it exists is not theirs to
   * know).
   */
  public Optional<SubmissionRecord> visibleTo(Viewer viewer, String id) {
    return store
        .find(id)
        .filter(r -> viewer.role() != Role.COORDINATOR || viewer.coordinates(r.authority()));
  }

  /** One of this authority's submissions; not found for another authority's. */
  public SubmissionRecord find(String authority, String id) {
    return store
        .find(id)
        .filter(r -> r.authority().equals(authority))
        .orElseThrow(() -> SubmissionException.notFound(id));
  }

  private SubmissionRecord record(
      String id,
      Viewer viewer,
      String authority,
      Instant received,
      List<SubmissionRecord.StoredFile> stored,
      CheckedReturn checked) {
    Integer phase = null;
    java.time.LocalDate periodEnd = null;
    Instant deadline = null;
    String windowVersion = null;
    boolean late = false;
    boolean revision = false;
    if (checked.accepted()) {
      var summary = checked.summary();
      phase = summary.phase().number();
      periodEnd = summary.quarter().end();
      Optional<SubmissionWindow> window =
          windows.window(
              summary.phase(),
              summary.quarter(),
              received.atZone(SubmissionWindow.ENGLAND).toLocalDate());
      if (window.isPresent()) {
        deadline = window.get().closesAt();
        windowVersion = window.get().version();
        late = window.get().isLate(received);
      }
      revision = published.published(authority, summary.phase(), summary.quarter());
    } else if (isQuarterOfAPhase(checked.identity())) {
      // What the file says of its quarter, so the national team sees the rejection against it.
      phase = checked.identity().phase();
      periodEnd = checked.identity().periodEnd();
    }
    return new SubmissionRecord(
        SubmissionRecord.FORMAT,
        id,
        authority,
        checked.accepted() ? SubmissionState.AWAITING_SIGN_OFF : SubmissionState.REJECTED,
        phase,
        periodEnd,
        received,
        viewer.name(),
        viewer.role(),
        viewer.role() != Role.COORDINATOR,
        deadline,
        windowVersion,
        late,
        revision,
        stored,
        checked.findings(),
        null);
  }

  private static boolean isQuarterOfAPhase(ReturnIdentity identity) {
    if (identity.phase() == null || identity.periodEnd() == null) {
      return false;
    }
    try {
      return Phase.ofNumber(identity.phase()).covers(Quarter.endingOn(identity.periodEnd()));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Writes each upload under its stored name, fsynced, with its size and SHA-256. */
  private List<SubmissionRecord.StoredFile> stage(String id, List<IncomingFile> files, Path dir) {
    List<SubmissionRecord.StoredFile> stored = new ArrayList<>();
    Map<String, Integer> used = new HashMap<>();
    long limit = check.reader().limits().maxFileBytes();
    // A claims file goes with the summary of the same stem, as in a landing folder: one of another
    // stem keeps a stem of its own, so the check finds it without its summary (TFQR-F04) rather
    // than pairing another return's claims with this summary.
    String summaryStem =
        files.stream()
            .map(f -> uploadedPart(f.name()))
            .flatMap(Optional::stream)
            .filter(n -> n.part() == ReturnFileName.Part.SUMMARY)
            .map(ReturnFileName::stem)
            .findFirst()
            .orElse(null);
    for (IncomingFile file : files) {
      Optional<ReturnFileName> uploaded = uploadedPart(file.name());
      String part = uploaded.map(n -> n.part().key()).orElse(OTHER_PART);
      String suffix = uploaded.map(n -> n.part().suffix()).orElse(OTHER_SUFFIX);
      boolean unpaired =
          uploaded.filter(n -> n.part() == ReturnFileName.Part.CLAIMS).isPresent()
              && summaryStem != null
              && !summaryStem.equals(uploaded.get().stem());
      String key = unpaired ? "unpaired" + suffix : suffix;
      int n = used.merge(key, 1, Integer::sum);
      String storedStem = id + (unpaired ? "-unpaired" : "") + (n == 1 ? "" : "-" + n);
      String name = storedStem + suffix;
      Path path = dir.resolve(name);
      try (InputStream in = file.content().open();
          OutputStream out =
              Files.newOutputStream(
                  path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        DigestOutputStream digesting = new DigestOutputStream(out, sha);
        // One byte over the limit is enough for the reader to refuse it (TFQR-F03).
        long size = in.transferTo(new BoundedOutput(digesting, limit + 1));
        digesting.flush();
        stored.add(
            new SubmissionRecord.StoredFile(
                name,
                shownName(file.name()),
                part,
                Math.min(size, limit + 1),
                HexFormat.of().formatHex(sha.digest())));
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot keep the uploaded file " + shownName(file.name()), e);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every Java platform has SHA-256", e);
      }
    }
    return stored;
  }

  /**
   * Which part of a return an uploaded name is, read as the landing folder reads names (its folders
   * dropped), so a file kept here is the part of a return there that it was taken for here.
   */
  private static Optional<ReturnFileName> uploadedPart(String uploadedName) {
    return ReturnFileName.parse(withoutFolders(uploadedName));
  }

  /** An uploaded name without any folder a browser or client put before it. */
  private static String withoutFolders(String uploadedName) {
    return uploadedName.substring(
        Math.max(uploadedName.lastIndexOf('/'), uploadedName.lastIndexOf('\\')) + 1);
  }

  private void refused(Viewer viewer, String authority, String why) {
    audit.append(entry(viewer, AuditLog.Action.REFUSED, authority, null, null, why));
  }

  /** The uploaded name without any folder, quoted and escaped if it could forge text. */
  static String shownName(String uploadedName) {
    String name = withoutFolders(uploadedName);
    boolean plain =
        !name.isEmpty()
            && name.length() <= 255
            && name.codePoints()
                .noneMatch(
                    c ->
                        Character.isISOControl(c)
                            || Character.getType(c) == Character.FORMAT
                            || Character.getType(c) == Character.LINE_SEPARATOR
                            || Character.getType(c) == Character.PARAGRAPH_SEPARATOR
                            || Character.getType(c) == Character.UNASSIGNED);
    return plain ? name : Rule.quote(name);
  }

  private static String checksum(SubmissionRecord record) {
    return record.mainFile().map(SubmissionRecord.StoredFile::sha256).orElse(null);
  }

  private AuditLog.Entry entry(
      Viewer viewer,
      AuditLog.Action action,
      String authority,
      String id,
      String checksum,
      String detail) {
    return new AuditLog.Entry(
        clock.instant(),
        viewer.name(),
        viewer.role() == null ? null : viewer.role().name(),
        action,
        authority,
        viewer.role() == Role.NATIONAL,
        id,
        checksum,
        detail);
  }

  private static String randomHex() {
    byte[] bytes = new byte[4];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** Passes at most {@code limit} bytes on and drops the rest (the stream is still read). */
  private static final class BoundedOutput extends OutputStream {
    private final OutputStream out;
    private long room;

    BoundedOutput(OutputStream out, long limit) {
      this.out = out;
      this.room = limit;
    }

    @Override
    public void write(int b) throws IOException {
      if (room > 0) {
        out.write(b);
        room--;
      }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      int n = (int) Math.min(len, room);
      if (n > 0) {
        out.write(b, off, n);
        room -= n;
      }
    }
  }

  /** The quarter a submission is for, when its return could be read. */
  static Optional<Quarter> quarterOf(SubmissionRecord record) {
    return Optional.ofNullable(record.periodEnd()).map(Quarter::endingOn);
  }
}
