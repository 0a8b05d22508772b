package dev.harbor.policy;

/**
 * Input that cannot be used, with the field it is about and what is wrong with it. The message
 * reads {@code <field>: <problem>}, so callers can answer with either.
 */
public class InvalidInputException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String field;
  private final String problem;

  public InvalidInputException(String field, String problem) {
    super(field + ": " + problem);
    this.field = field;
    this.problem = problem;
  }

  /** The field the problem is about, such as {@code config.port} or {@code rules[2].effect}. */
  public String field() {
    return field;
  }

  /** What is wrong, without the field. */
  public String problem() {
    return problem;
  }
}
