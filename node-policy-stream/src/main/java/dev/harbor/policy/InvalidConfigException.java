package dev.harbor.policy;

/**
 * A setup's configuration that cannot be used, with the value it is about ({@code
 * config.atlassian.jira.url}) and what is wrong with it. The message reads {@code <field>: <problem>}.
 */
public class InvalidConfigException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String field;
  private final String problem;

  public InvalidConfigException(String field, String problem) {
    super(field + ": " + problem);
    this.field = field;
    this.problem = problem;
  }

  /** The configuration value the problem is about, such as {@code config.port}. */
  public String field() {
    return field;
  }

  /** What is wrong, without the field. */
  public String problem() {
    return problem;
  }
}
