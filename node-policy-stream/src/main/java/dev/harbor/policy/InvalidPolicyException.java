package dev.harbor.policy;

/**
 * A policy that cannot be used, with the place of the problem: {@code rules[2].effect}, {@code
 * rules[0].catalogIds[1]}, {@code yaml} for a file that is not YAML, or a top-level key.
 */
public class InvalidPolicyException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String field;
  private final String problem;

  public InvalidPolicyException(String field, String problem) {
    super(field + ": " + problem);
    this.field = field;
    this.problem = problem;
  }

  /** Where the problem is, such as {@code rules[2].effect}. */
  public String field() {
    return field;
  }

  /** What is wrong, without the field. */
  public String problem() {
    return problem;
  }
}
