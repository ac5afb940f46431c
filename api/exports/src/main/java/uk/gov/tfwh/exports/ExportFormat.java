package uk.gov.tfwh.exports;

import java.util.Locale;

/** The formats tables are exported in, with their media types and file extensions. */
public enum ExportFormat {
  CSV("text/csv; charset=UTF-8", "csv"),
  XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
  ODS("application/vnd.oasis.opendocument.spreadsheet", "ods");

  private final String mediaType;
  private final String extension;

  ExportFormat(String mediaType, String extension) {
    this.mediaType = mediaType;
    this.extension = extension;
  }

  public String mediaType() {
    return mediaType;
  }

  public String extension() {
    return extension;
  }

  /** Parses {@code csv}, {@code xlsx} or {@code ods}, any case. */
  public static ExportFormat of(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("format must be csv, xlsx or ods, not '" + name + "'");
    }
  }
}
