package uk.gov.tfwh.api.problem;

/**
 * The refusal of a request that leaves out a parameter it needs: the one sentence, with the slip in
 * the query that most likely left it out ({@code Phase}, {@code perod}; {@link ParameterSlips}).
 * Spring's own check of a required parameter and a controller's check of one needed only sometimes
 * (an export's {@code authority}) say it the same way.
 */
public final class MissingParameter {
  private MissingParameter() {}

  /** "the parameter {@code name} is required here", and the slip. */
  public static BadParameterException required(String name, String queryString) {
    return refusal(name, "the parameter " + name + " is required here", queryString);
  }

  /** {@code sentence} about {@code name} left out, and the slip. */
  public static BadParameterException refusal(String name, String sentence, String queryString) {
    return new BadParameterException(
        name,
        sentence
            + ParameterSlips.likeTheMissing(name, QueryNames.of(queryString))
                .map(slip -> " (" + slip + ")")
                .orElse(""));
  }
}
