package uk.gov.tfwh.warehouse.query;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Whether a snapshot's figures have been released to the public ({@link
 * uk.gov.tfwh.warehouse.snapshot.SnapshotStore#publish}); the label is how the API, pages and files
 * name it.
 */
public enum Release {
  PUBLISHED("published"),
  PRE_RELEASE("pre-release");

  private final String label;

  Release(String label) {
    this.label = label;
  }

  @JsonValue
  public String label() {
    return label;
  }
}
