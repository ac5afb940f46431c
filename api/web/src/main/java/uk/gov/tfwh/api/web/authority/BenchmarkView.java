package uk.gov.tfwh.api.web.authority;

import static java.util.Objects.requireNonNull;

import java.util.List;
import uk.gov.tfwh.api.benchmark.BenchmarkGroup;
import uk.gov.tfwh.api.benchmark.BenchmarkMember;
import uk.gov.tfwh.api.web.page.PageTable;
import uk.gov.tfwh.api.web.page.Period;
import uk.gov.tfwh.warehouse.query.benchmark.BenchmarkSummary;

/**
 * The authority against one comparison group: the warehouse's {@link BenchmarkSummary} (rank in the
 * group, the group's quartiles and median) and every member's figures.
 *
 * @param summary null when the authority has no figures in the quarter
 */
public record BenchmarkView(String group, BenchmarkSummary summary, List<BenchmarkMember> members) {
  public BenchmarkView {
    requireNonNull(group, "group");
    members = List.copyOf(members);
  }

  /** The authority against a group as the benchmark service reads it. */
  public BenchmarkView(String group, BenchmarkGroup figures) {
    this(group, figures.summary(), figures.members());
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
    for (BenchmarkMember m : members) {
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
