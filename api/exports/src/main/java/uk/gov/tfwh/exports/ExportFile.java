package uk.gov.tfwh.exports;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * A finished export: its suggested file name, media type and bytes, and the snapshot it was read
 * from (for a response header) with its publication status. The bytes are copied in and out, so the
 * value stays immutable.
 */
public record ExportFile(
    String fileName, String mediaType, byte[] content, String snapshotId, boolean published) {

  public ExportFile {
    requireNonNull(fileName, "fileName");
    requireNonNull(mediaType, "mediaType");
    requireNonNull(snapshotId, "snapshotId");
    content = content.clone();
  }

  @Override
  public byte[] content() {
    return content.clone();
  }

  public int size() {
    return content.length;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ExportFile f
        && fileName.equals(f.fileName)
        && mediaType.equals(f.mediaType)
        && Arrays.equals(content, f.content)
        && snapshotId.equals(f.snapshotId)
        && published == f.published;
  }

  @Override
  public int hashCode() {
    return 31 * fileName.hashCode() + Arrays.hashCode(content);
  }

  @Override
  public String toString() {
    return fileName
        + " ("
        + mediaType
        + ", "
        + content.length
        + " bytes, snapshot "
        + snapshotId
        + ")";
  }
}
