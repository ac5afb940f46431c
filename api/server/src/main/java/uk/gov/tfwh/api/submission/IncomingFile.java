package uk.gov.tfwh.api.submission;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;

/**
 * One uploaded file as the service receives it: the name the sender gave it and a way to read it
 * (the web layer's upload, already bounded by the reader's size limit).
 */
public record IncomingFile(String name, Content content) {
  public IncomingFile {
    requireNonNull(name, "name");
    requireNonNull(content, "content");
  }

  /** Opens the file's bytes. */
  @FunctionalInterface
  public interface Content {
    InputStream open() throws IOException;
  }
}
