package dev.harbor.policy;

/**
 * A policy that cannot be used, with the place of the problem: {@code rules[2].effect}, {@code
 * rules[0].catalogIds[1]}, {@code yaml} for a file that is not YAML, or a top-level key.
 */
public class InvalidPolicyException extends InvalidInputException {

  private static final long serialVersionUID = 1L;

  public InvalidPolicyException(String field, String problem) {
    super(field, problem);
  }
}
