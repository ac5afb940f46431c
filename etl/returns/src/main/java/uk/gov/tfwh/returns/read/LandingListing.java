package uk.gov.tfwh.returns.read;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import uk.gov.tfwh.returns.model.Finding;

/**
 * A landing folder as {@link LandingFolder#look} found it: its entries sorted into the parts of
 * returns (by stem) and the rest, each looked at once, and the findings that need no file's
 * contents. Made and filled by {@link LandingFolder} only; {@link
 * LandingFolder#scan(LandingListing, FileChecksums)} turns it into a {@link LandingScan}.
 */
public final class LandingListing {
  final Map<String, FileChecksums.Look> summaries = new TreeMap<>();
  final Map<String, FileChecksums.Look> claims = new TreeMap<>();
  final Map<String, FileChecksums.Look> workbooks = new TreeMap<>();
  final List<FileChecksums.Look> others = new ArrayList<>();
  final List<Finding> findings = new ArrayList<>();
  private final Instant lookedAt;
  private final int entries;

  LandingListing(Instant lookedAt, int entries) {
    this.lookedAt = requireNonNull(lookedAt, "lookedAt");
    this.entries = entries;
  }

  /** When the folder was listed, before any entry was looked at. */
  public Instant lookedAt() {
    return lookedAt;
  }

  /** How many entries the folder held when it was listed. */
  public int entries() {
    return entries;
  }
}
