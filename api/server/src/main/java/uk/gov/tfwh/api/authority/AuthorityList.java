package uk.gov.tfwh.api.authority;

import uk.gov.tfwh.api.release.Release;
import uk.gov.tfwh.api.table.Table;
import uk.gov.tfwh.api.table.Tabular;

/** The authorities with region, type, and both phases' targets and their basis. */
public record AuthorityList(String snapshot, Release release, Table table) implements Tabular {}
