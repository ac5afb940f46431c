package uk.gov.tfwh.returns.read;

import java.io.Serializable;
import java.util.List;
import uk.gov.tfwh.returns.model.Finding;
import uk.gov.tfwh.returns.model.ReturnSource;
import uk.gov.tfwh.returns.model.SourceFile;

/**
 * What a landing folder holds: the returns found, in a deterministic order (by stem, then CSV
 * before XLSX), and a TFQR-F04 finding for every file that is not part of a return.
 *
 * @param files every plain file of the one listing the scan made, with the checksum it had then:
 *     what a load depends on is exactly this, never a second look at the folder (a file that
 *     appears after the listing is the next load's)
 */
public record LandingScan(
    List<ReturnSource> returns, List<Finding> findings, List<SourceFile> files)
    implements Serializable {
  public LandingScan {
    returns = List.copyOf(returns);
    findings = List.copyOf(findings);
    files = List.copyOf(files);
  }
}
