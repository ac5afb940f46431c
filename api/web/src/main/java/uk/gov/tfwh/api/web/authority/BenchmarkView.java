package uk.gov.tfwh.api.web.authority;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import uk.gov.tfwh.api.web.page.PageTable;
import uk.gov.tfwh.api.web.page.Period;
import uk.gov.tfwh.warehouse.query.QueryResult;
import uk.gov.tfwh.warehouse.query.ResultRow;
import uk.gov.tfwh.warehouse.query.benchmark.BenchmarkSummary;

/**
 * The authority against one comparison group: the warehouse's {@link BenchmarkSummary} (rank in the
 * group, the group's quartiles and median) and every member's figures.
 *
 * @param summary null when the authority has no figures in the quarter
 */
public record BenchmarkView(String group, BenchmarkSummary summary, List<Member> members) {
  public BenchmarkView {
    requireNonNull(group, "group");
    members = List.copyOf(members);
  }

  /** One member of the group. */
  public record Member(
      String authorityCode,
      String authorityName,
      boolean subject,
      long turnedAround,
      Integer target,
      BigDecimal percentOfTarget,
      int groupRank) {}

  public static BenchmarkView of(String group, QueryResult rows) {
    List<Member> members = new ArrayList<>();
    boolean hasSubject = false;
    for (ResultRow row : rows) {
      boolean subject = row.isTrue("is_subject");
      hasSubject |= subject;
      members.add(
          new Member(
              row.text("authority_code"),
              row.text("authority_name"),
              subject,
              row.longValue("turned_around"),
              row.integer("target_families"),
              row.decimal("percent_of_target"),
              row.integer("group_rank")));
    }
    return new BenchmarkView(group, hasSubject ? BenchmarkSummary.of(rows) : null, members);
  }

  /** How the page names the group. */
  public String title() {
    return switch (group) {
      case "neighbours" -> "Statistical neighbours";
      case "region" -> "Region";
      case "type" -> "Authorities of the same type";
      case "england" -> "England";
      default -> group;
    };
  }

  /** The members are listed for the small groups; England's 152 are the league table. */
  public boolean listsMembers() {
    return group.equals("neighbours") || group.equals("region");
  }

  /**
   * The authority against each group, as the page's table: its rank and the group's size apart, so
   * a spreadsheet can use them.
   */
  public static PageTable summaryTable(List<BenchmarkView> groups) {
    PageTable.Builder table =
        PageTable.under(
            "Group",
            "Rank in group",
            "Group size",
            "Percent of target",
            "Lower quartile",
            "Median",
            "Upper quartile");
    for (BenchmarkView view : groups) {
      BenchmarkSummary s = view.summary();
      if (s == null) {
        table.row(view.title(), null, null, null, null, null, null);
      } else {
        table.row(
            view.title(),
            s.groupRank(),
            s.groupSize(),
            s.percentOfTarget(),
            s.lowerQuartile(),
            s.median(),
            s.upperQuartile());
      }
    }
    return table.build();
  }

  /** Every member of the group, as the page's table, the authority itself marked. */
  public PageTable membersTable(Period period) {
    PageTable.Builder table =
        PageTable.under(
            "Rank in group",
            "Authority code",
            "Authority",
            "This authority",
            period.outcomeHeading(),
            "Target",
            "Percent of target");
    for (Member m : members) {
      table.row(
          m.groupRank(),
          m.authorityCode(),
          m.authorityName(),
          m.subject(),
          m.turnedAround(),
          m.target(),
          m.percentOfTarget());
    }
    return table.build();
  }
}
