package uk.gov.tfwh.api.serving;

import com.fasterxml.jackson.annotation.JsonValue;

/** Whether figures have been released to the public. */
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
