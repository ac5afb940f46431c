package uk.gov.tfwh.returns.model;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;

/** One file of a return as it arrived, with the checksum that identifies its exact bytes. */
public record SourceFile(String name, long sizeBytes, String sha256) implements Serializable {
  public SourceFile {
    requireNonNull(name, "name");
    requireNonNull(sha256, "sha256");
  }
}
