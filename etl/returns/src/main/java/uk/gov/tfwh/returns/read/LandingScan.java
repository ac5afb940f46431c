package uk.gov.tfwh.returns.read;

import java.io.Serializable;
import java.util.List;
import uk.gov.tfwh.returns.model.Finding;
import uk.gov.tfwh.returns.model.ReturnSource;

/**
 * What a landing folder holds: the returns found, in a deterministic order (by stem, then CSV
 * before XLSX), and a TFQR-F04 finding for every file that is not part of a return.
 */
public record LandingScan(List<ReturnSource> returns, List<Finding> findings)
    implements Serializable {
  public LandingScan {
    returns = List.copyOf(returns);
    findings = List.copyOf(findings);
  }
}
