package uk.gov.tfwh.programme.reference;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;

/** An English region (ITL1 / former government office region), by GSS code. */
public record Region(String code, String name) implements Serializable {
  public Region {
    requireNonNull(code, "code");
    requireNonNull(name, "name");
  }
}
