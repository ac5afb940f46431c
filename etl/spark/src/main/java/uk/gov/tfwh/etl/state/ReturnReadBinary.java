package uk.gov.tfwh.etl.state;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import uk.gov.tfwh.etl.read.ClaimKeys;
import uk.gov.tfwh.etl.read.ReadReturn;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;
import uk.gov.tfwh.returns.landing.Provenance;
import uk.gov.tfwh.returns.model.Finding;
import uk.gov.tfwh.returns.model.ReturnFormat;
import uk.gov.tfwh.returns.model.ReturnIdentity;
import uk.gov.tfwh.returns.model.ReturnSource;
import uk.gov.tfwh.returns.model.ReturnSummary;
import uk.gov.tfwh.returns.model.Severity;
import uk.gov.tfwh.returns.model.SourceFile;

/**
 * A return read as bytes, field by field, for {@link ReturnReadCache}: the same values as the
 * {@code return_read} row and its JSON (docs/load-state.md), read back without a Parquet reader or
 * a JSON parser, which cost a load on a long history a third of a second of CPU on a cold JVM.
 * Enums go by name, so a reordered enum reads right or not at all. Every value is rebuilt through
 * its record's constructor, so what the constructors refuse is refused here too.
 *
 * <p>Change {@link #VERSION} whenever any record below gains, loses or reorders a field: a cache
 * entry of another version is a miss, read from the tables.
 */
final class ReturnReadBinary {
  static final int VERSION = 1;

  private ReturnReadBinary() {}

  static void write(DataOutputStream out, ReadReturn read) throws IOException {
    text(out, read.returnId());
    source(out, read.source());
    out.writeLong(read.batch());
    instant(out, read.receivedAt());
    text(out, read.loadedSnapshotId());
    summary(out, read.acceptedSummary());
    text(out, read.fingerprint());
    out.writeInt(read.claimRowsRead());
    out.writeInt(read.claimRowsRejected());
    ClaimKeys keys = read.claimKeys();
    text(out, keys.familyRefs());
    int[] rows = keys.rows();
    out.writeInt(rows.length);
    for (int row : rows) {
      out.writeInt(row);
    }
    out.write(keys.results()); // as many as rows: ClaimKeys holds them so
    out.writeInt(read.findings().size());
    for (Finding finding : read.findings()) {
      finding(out, finding);
    }
    identity(out, read.identity());
    provenance(out, read.provenance());
  }

  /**
   * Read from a big-endian buffer (as {@code DataOutput} writes) over the entry's bytes: bulk reads
   * of the claim rows, no per-byte stream calls. A value that runs past the end throws.
   */
  static ReadReturn read(ByteBuffer in) {
    String returnId = text(in);
    ReturnSource source = source(in);
    long batch = in.getLong();
    Instant receivedAt = instant(in);
    String loaded = text(in);
    ReturnSummary summary = summary(in);
    String fingerprint = text(in);
    int claimRowsRead = in.getInt();
    int claimRowsRejected = in.getInt();
    String familyRefs = text(in);
    int[] rows = new int[count(in, Integer.BYTES)];
    in.asIntBuffer().get(rows);
    in.position(in.position() + rows.length * Integer.BYTES);
    byte[] results = new byte[count(rows.length, in, 1)];
    in.get(results);
    int findingCount = count(in, 1);
    List<Finding> findings = new ArrayList<>(findingCount);
    for (int i = 0; i < findingCount; i++) {
      findings.add(finding(in));
    }
    return new ReadReturn(
        returnId,
        source,
        batch,
        receivedAt,
        loaded,
        summary,
        fingerprint,
        claimRowsRead,
        claimRowsRejected,
        ClaimKeys.packed(familyRefs, rows, results),
        findings,
        identity(in),
        provenance(in));
  }

  private static void source(DataOutputStream out, ReturnSource source) throws IOException {
    text(out, source.stem());
    text(out, source.format().name());
    out.writeInt(source.files().size());
    for (SourceFile file : source.files()) {
      text(out, file.name());
      out.writeLong(file.sizeBytes());
      text(out, file.sha256());
    }
  }

  private static ReturnSource source(ByteBuffer in) {
    String stem = text(in);
    ReturnFormat format = ReturnFormat.valueOf(text(in));
    int count = count(in, 1);
    List<SourceFile> files = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      files.add(new SourceFile(text(in), in.getLong(), text(in)));
    }
    return new ReturnSource(stem, format, files);
  }

  private static void summary(DataOutputStream out, ReturnSummary summary) throws IOException {
    out.writeBoolean(summary != null);
    if (summary == null) {
      return;
    }
    out.writeInt(summary.row());
    text(out, summary.authorityCode());
    text(out, summary.submittedAuthorityCode());
    text(out, summary.phase().name());
    date(out, summary.quarter().end());
    out.writeLong(summary.familiesIdentified());
    out.writeLong(summary.familiesAttached());
    optionalLong(out, summary.resultsCrimeAsbEducation());
    out.writeLong(summary.resultsContinuousEmployment());
    optionalLong(out, summary.resultsProgressToWork());
    optionalLong(out, summary.resultsSustainedProgress());
    OffsetDateTime submitted = summary.submittedAt();
    out.writeLong(submitted.toLocalDateTime().toEpochSecond(ZoneOffset.UTC));
    out.writeInt(submitted.getNano());
    out.writeInt(submitted.getOffset().getTotalSeconds());
    text(out, summary.submittedBy());
    text(out, summary.sroSignOff());
    text(out, summary.revisionNote());
  }

  private static ReturnSummary summary(ByteBuffer in) {
    if (!bool(in)) {
      return null;
    }
    int row = in.getInt();
    String authority = text(in);
    String submittedAuthority = text(in);
    Phase phase = Phase.valueOf(text(in));
    Quarter quarter = new Quarter(date(in));
    long identified = in.getLong();
    long attached = in.getLong();
    Long crimeAsbEducation = optionalLong(in);
    long continuousEmployment = in.getLong();
    Long progressToWork = optionalLong(in);
    Long sustainedProgress = optionalLong(in);
    long localSeconds = in.getLong();
    int nanos = in.getInt();
    ZoneOffset offset = ZoneOffset.ofTotalSeconds(in.getInt());
    OffsetDateTime submittedAt =
        OffsetDateTime.of(LocalDateTime.ofEpochSecond(localSeconds, nanos, ZoneOffset.UTC), offset);
    return new ReturnSummary(
        row,
        authority,
        submittedAuthority,
        phase,
        quarter,
        identified,
        attached,
        crimeAsbEducation,
        continuousEmployment,
        progressToWork,
        sustainedProgress,
        submittedAt,
        text(in),
        text(in),
        text(in));
  }

  private static void finding(DataOutputStream out, Finding finding) throws IOException {
    text(out, finding.ruleId());
    text(out, finding.severity().name());
    text(out, finding.file());
    text(out, finding.sheet());
    out.writeBoolean(finding.row() != null);
    if (finding.row() != null) {
      out.writeInt(finding.row());
    }
    text(out, finding.column());
    text(out, finding.message());
  }

  private static Finding finding(ByteBuffer in) {
    String rule = text(in);
    Severity severity = Severity.valueOf(text(in));
    String file = text(in);
    String sheet = text(in);
    Integer row = bool(in) ? in.getInt() : null;
    return new Finding(rule, severity, file, sheet, row, text(in), text(in));
  }

  private static void identity(DataOutputStream out, ReturnIdentity identity) throws IOException {
    text(out, identity.authorityCode());
    out.writeBoolean(identity.phase() != null);
    if (identity.phase() != null) {
      out.writeInt(identity.phase());
    }
    out.writeBoolean(identity.periodEnd() != null);
    if (identity.periodEnd() != null) {
      date(out, identity.periodEnd());
    }
  }

  private static ReturnIdentity identity(ByteBuffer in) {
    String authority = text(in);
    Integer phase = bool(in) ? in.getInt() : null;
    LocalDate periodEnd = bool(in) ? date(in) : null;
    return new ReturnIdentity(authority, phase, periodEnd);
  }

  private static void provenance(DataOutputStream out, Provenance provenance) throws IOException {
    text(out, provenance.submissionId());
    out.writeBoolean(provenance.receivedAt() != null);
    if (provenance.receivedAt() != null) {
      instant(out, provenance.receivedAt());
    }
    text(out, provenance.submitter());
    out.writeBoolean(provenance.onBehalf());
  }

  private static Provenance provenance(ByteBuffer in) {
    String submission = text(in);
    Instant receivedAt = bool(in) ? instant(in) : null;
    String submitter = text(in);
    boolean onBehalf = bool(in);
    return new Provenance(submission, receivedAt, submitter, onBehalf);
  }

  private static void instant(DataOutputStream out, Instant instant) throws IOException {
    out.writeLong(instant.getEpochSecond());
    out.writeInt(instant.getNano());
  }

  private static Instant instant(ByteBuffer in) {
    return Instant.ofEpochSecond(in.getLong(), in.getInt());
  }

  private static void date(DataOutputStream out, LocalDate date) throws IOException {
    out.writeLong(date.toEpochDay());
  }

  private static LocalDate date(ByteBuffer in) {
    return LocalDate.ofEpochDay(in.getLong());
  }

  private static void optionalLong(DataOutputStream out, Long value) throws IOException {
    out.writeBoolean(value != null);
    if (value != null) {
      out.writeLong(value);
    }
  }

  private static Long optionalLong(ByteBuffer in) {
    return bool(in) ? in.getLong() : null;
  }

  /** A string of any length (DataOutput's own is limited to 64 KiB), or null. */
  static void text(DataOutputStream out, String text) throws IOException {
    if (text == null) {
      out.writeInt(-1);
      return;
    }
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  static String text(ByteBuffer in) {
    int length = in.getInt();
    if (length == -1) {
      return null;
    }
    String text =
        new String(
            in.array(),
            in.arrayOffset() + in.position(),
            count(length, in, 1),
            StandardCharsets.UTF_8);
    in.position(in.position() + length);
    return text;
  }

  /** A count of things that follow, each at least {@code bytes} long: never more than is left. */
  static int count(ByteBuffer in, int bytes) {
    return count(in.getInt(), in, bytes);
  }

  private static int count(int count, ByteBuffer in, int bytes) {
    if (count < 0 || (long) count * bytes > in.remaining()) {
      throw new IllegalArgumentException(
          "a count of " + count + " where " + in.remaining() + " bytes remain");
    }
    return count;
  }

  private static boolean bool(ByteBuffer in) {
    byte value = in.get();
    if (value != 0 && value != 1) {
      throw new IllegalArgumentException("a boolean of " + value);
    }
    return value == 1;
  }
}
