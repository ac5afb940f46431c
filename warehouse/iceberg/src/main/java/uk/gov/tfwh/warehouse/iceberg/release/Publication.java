package uk.gov.tfwh.warehouse.iceberg.release;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One row of {@code tfwh_publication}: a release made public. Publications are numbered 1, 2, 3 ...
 * in order; the newest one's release is the published release.
 *
 * @param seq the publication's number, 1 for the first
 * @param releaseSeq the published release's number
 * @param releaseId the published release's id
 * @param publishedAt when it was published
 * @param publishedBy who published it
 */
public record Publication(
    long seq, long releaseSeq, String releaseId, Instant publishedAt, String publishedBy) {
  public Publication {
    requireNonNull(releaseId, "releaseId");
    requireNonNull(publishedAt, "publishedAt");
    requireNonNull(publishedBy, "publishedBy");
  }
}
