package uk.gov.tfwh.etl.load;

import java.util.List;
import java.util.Map;
import uk.gov.tfwh.etl.claims.NationalClaims;
import uk.gov.tfwh.etl.figures.CurrentReturns;
import uk.gov.tfwh.etl.history.HistoryDecisions;
import uk.gov.tfwh.etl.read.ReadReturn;
import uk.gov.tfwh.returns.model.Finding;

/**
 * Everything a load knows about the returns once the rules over the history have run: what was
 * read, which versions load and which is current, the national claim check's outcome and the
 * reconciliation findings. The stage between reading and writing the tables.
 */
record Judged(
    List<ReadReturn> returns,
    HistoryDecisions history,
    NationalClaims.Outcome national,
    Map<String, List<Finding>> reconciliation,
    CurrentReturns current) {}
