package uk.gov.tfwh.api.period;

import uk.gov.tfwh.api.release.Release;
import uk.gov.tfwh.api.table.Table;
import uk.gov.tfwh.api.table.Tabular;

/** The quarters of each phase, with how many authorities reported in each. */
public record PeriodList(String snapshot, Release release, Table table) implements Tabular {}
