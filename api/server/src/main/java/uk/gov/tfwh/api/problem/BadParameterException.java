package uk.gov.tfwh.api.problem;

/** A request parameter is malformed or out of range: answered 400 naming the parameter. */
public class BadParameterException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String parameter;

  public BadParameterException(String parameter, String detail) {
    super(detail);
    this.parameter = parameter;
  }

  public String parameter() {
    return parameter;
  }
}
