package uk.gov.tfwh.api.timeseries;

import uk.gov.tfwh.api.table.Table;
import uk.gov.tfwh.api.table.Tabular;

/** What each column of the time series holds: its name, type and meaning, as a data set's notes. */
public record TimeSeriesMetadata(Table table) implements Tabular {}
