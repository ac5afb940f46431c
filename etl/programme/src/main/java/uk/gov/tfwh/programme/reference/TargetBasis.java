package uk.gov.tfwh.programme.reference;

/** Whether a target was published for the authority or modelled from published totals. */
public enum TargetBasis {
  PUBLISHED("published"),
  MODELLED("modelled");

  private final String code;

  TargetBasis(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static TargetBasis ofCode(String code) {
    for (TargetBasis basis : values()) {
      if (basis.code.equals(code)) {
        return basis;
      }
    }
    throw new IllegalArgumentException("unknown target basis '" + code + "'");
  }
}
