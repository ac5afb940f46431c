package uk.gov.tfwh.api.timeseries;

import uk.gov.tfwh.api.release.Release;
import uk.gov.tfwh.api.table.Table;
import uk.gov.tfwh.api.table.Tabular;

/**
 * Every authority's figures for every quarter (of both phases, or of one) in one tidy table: a row
 * per authority, phase and quarter, whose columns {@code /api/v1/time-series/metadata} describes.
 *
 * @param phase the phase asked for, or null for both
 */
public record TimeSeries(Integer phase, String snapshot, Release release, Table table)
    implements Tabular {}
