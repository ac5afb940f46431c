package uk.gov.tfwh.api.submission;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.gov.tfwh.api.table.RowShape;
import uk.gov.tfwh.api.table.Table;
import uk.gov.tfwh.api.table.Tabular;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;
import uk.gov.tfwh.programme.reference.Authority;
import uk.gov.tfwh.warehouse.query.ResultColumn;
import uk.gov.tfwh.warehouse.table.ColumnType;

/**
 * Every authority's state for one quarter: what the national team checks in the days before a
 * deadline. Worked out from the submissions (and, for a return that reached the warehouse by an
 * operator's drop, from the current snapshot), one state per authority:
 *
 * <ul>
 *   <li>{@code submitted} or {@code late}: a return is signed off (or loaded from an operator's
 *       drop); late when its first such return arrived after the quarter's deadline;
 *   <li>{@code awaiting_sign_off}: an accepted return waits for its SRO;
 *   <li>{@code rejected}: every return sent was rejected;
 *   <li>{@code not_sent}: nothing has arrived.
 * </ul>
 */
public record SubmissionStatus(
    int phase,
    LocalDate period,
    String quarterLabel,
    Instant deadline,
    Map<String, Long> counts,
    @JsonIgnore List<Row> authorities)
    implements Tabular {
  @Override
  public java.util.Map<String, Object> covers() {
    return Tabular.quarterOf(phase, period);
  }

  /** Each authority's line, column by column, in the JSON {@code rows} and the CSV. */
  public static final RowShape ROW =
      RowShape.built(
          "SubmissionStatusRow",
          new ResultColumn("phase", ColumnType.INT),
          new ResultColumn("period_end", ColumnType.DATE),
          new ResultColumn("authority_code", ColumnType.STRING),
          new ResultColumn("authority_name", ColumnType.STRING),
          new ResultColumn("region_name", ColumnType.STRING),
          new ResultColumn("state", ColumnType.STRING),
          new ResultColumn("via", ColumnType.STRING),
          new ResultColumn("submissions", ColumnType.INT),
          new ResultColumn("submission_id", ColumnType.STRING),
          new ResultColumn("received_at", ColumnType.TIMESTAMP),
          new ResultColumn("submitter", ColumnType.STRING),
          new ResultColumn("signed_off_by", ColumnType.STRING),
          new ResultColumn("signed_off_at", ColumnType.TIMESTAMP),
          new ResultColumn("revision", ColumnType.BOOLEAN));

  /** The columns of each authority's line, after what the table covers. */
  public static final List<String> COLUMNS =
      ROW.columnNames().subList(RowShape.QUARTER.size(), ROW.columns().size());

  /** The states, in the order the counts and the page list them. */
  public enum State {
    NOT_SENT("not_sent", "Not yet sent"),
    REJECTED("rejected", "Rejected"),
    AWAITING_SIGN_OFF("awaiting_sign_off", "Awaiting sign-off"),
    SUBMITTED("submitted", "Submitted on time"),
    LATE("late", "Submitted late");

    private final String code;
    private final String label;

    State(String code, String label) {
      this.code = code;
      this.label = label;
    }

    public String code() {
      return code;
    }

    public String label() {
      return label;
    }

    /** The state named by its code ({@code not_sent}), or by its name. */
    public static State of(String text) {
      for (State state : values()) {
        if (state.code.equalsIgnoreCase(text) || state.name().equalsIgnoreCase(text)) {
          return state;
        }
      }
      throw new IllegalArgumentException(text);
    }
  }

  /**
   * One authority's line.
   *
   * @param via {@code service} when the state comes from a submission, {@code operator drop} when
   *     from a return loaded without one, null when nothing arrived
   * @param submission the submission that decides the state, null when none does
   */
  public record Row(
      String authorityCode,
      String authorityName,
      String regionName,
      State state,
      String via,
      int submissions,
      String submission,
      Instant receivedAt,
      String submitter,
      String signedOffBy,
      Instant signedOffAt,
      boolean revision) {
    public Row {
      requireNonNull(authorityCode, "authorityCode");
      requireNonNull(state, "state");
    }
  }

  public SubmissionStatus {
    counts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    authorities = List.copyOf(authorities);
  }

  @Override
  public Table table() {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Row row : authorities) {
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("authority_code", row.authorityCode());
      line.put("authority_name", row.authorityName());
      line.put("region_name", row.regionName());
      line.put("state", row.state().code());
      line.put("via", row.via());
      line.put("submissions", row.submissions());
      line.put("submission_id", row.submission());
      line.put("received_at", row.receivedAt());
      line.put("submitter", row.submitter());
      line.put("signed_off_by", row.signedOffBy());
      line.put("signed_off_at", row.signedOffAt());
      line.put("revision", row.revision());
      rows.add(line);
    }
    return new Table(COLUMNS, rows);
  }

  /** This status with only the authorities in one state (the counts stay those of all). */
  public SubmissionStatus only(State state) {
    return new SubmissionStatus(
        phase,
        period,
        quarterLabel,
        deadline,
        counts,
        authorities.stream().filter(r -> r.state() == state).toList());
  }

  /**
   * The status of every authority.
   *
   * @param records every submission of the quarter's phase (others are ignored)
   * @param loaded the authorities whose return for the quarter is in the current snapshot without a
   *     submission, each with whether it was late by the load's reckoning
   */
  static SubmissionStatus of(
      Phase phase,
      Quarter quarter,
      Instant deadline,
      List<Authority> authorities,
      List<SubmissionRecord> records,
      Map<String, Boolean> loaded) {
    List<Row> rows = new ArrayList<>();
    for (Authority authority : authorities) {
      List<SubmissionRecord> own =
          records.stream()
              .filter(r -> r.authority().equals(authority.code()))
              .filter(r -> r.phase() != null && r.phase() == phase.number())
              .filter(r -> quarter.end().equals(r.periodEnd()))
              .sorted(Comparator.comparing(SubmissionRecord::receivedAt))
              .toList();
      rows.add(row(authority, own, loaded.get(authority.code())));
    }
    rows.sort(Comparator.comparing(Row::authorityCode));
    Map<String, Long> counts = new LinkedHashMap<>();
    for (State state : State.values()) {
      counts.put(state.code(), rows.stream().filter(r -> r.state() == state).count());
    }
    return new SubmissionStatus(
        phase.number(), quarter.end(), quarter.label(), deadline, counts, rows);
  }

  private static Row row(Authority authority, List<SubmissionRecord> own, Boolean loadedLate) {
    SubmissionRecord deciding = null;
    State state = State.NOT_SENT;
    SubmissionRecord firstSubmitted =
        own.stream().filter(r -> r.state() == SubmissionState.SUBMITTED).findFirst().orElse(null);
    if (firstSubmitted != null) {
      deciding = firstSubmitted;
      state = firstSubmitted.late() ? State.LATE : State.SUBMITTED;
    } else if (loadedLate != null) {
      state = loadedLate ? State.LATE : State.SUBMITTED;
    } else {
      for (SubmissionRecord record : own) {
        if (record.state() == SubmissionState.AWAITING_SIGN_OFF) {
          deciding = record;
          state = State.AWAITING_SIGN_OFF;
        } else if (state == State.NOT_SENT || state == State.REJECTED) {
          deciding = record;
          state = State.REJECTED;
        }
      }
    }
    String via =
        deciding != null
            ? "service"
            : loadedLate != null && state != State.NOT_SENT ? "operator drop" : null;
    return new Row(
        authority.code(),
        authority.name(),
        authority.region().name(),
        state,
        via,
        own.size(),
        deciding == null ? null : deciding.id(),
        deciding == null ? null : deciding.receivedAt(),
        deciding == null ? null : deciding.submitter(),
        deciding == null || deciding.signOff() == null ? null : deciding.signOff().by(),
        deciding == null || deciding.signOff() == null ? null : deciding.signOff().at(),
        deciding != null && deciding.revision());
  }
}
