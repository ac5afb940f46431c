package uk.gov.tfwh.returns.model;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.List;

/**
 * The files that make up one return in the landing folder: a CSV pair (summary first, then the
 * optional claims file) or one workbook. The stem is the authority's free text; nothing is inferred
 * from it.
 */
public record ReturnSource(String stem, ReturnFormat format, List<SourceFile> files)
    implements Serializable {
  public ReturnSource {
    requireNonNull(stem, "stem");
    requireNonNull(format, "format");
    files = List.copyOf(files);
    if (files.isEmpty()) {
      throw new IllegalArgumentException("a return has at least one file");
    }
  }

  /**
   * A name for this return that is unique within its landing folder: the name of its summary file
   * or workbook (two returns may share a stem when one is CSV and the other XLSX).
   */
  public String id() {
    return files.get(0).name();
  }
}
