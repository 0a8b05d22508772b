package dev.harbor.policy;

/**
 * A setup's configuration that cannot be used, with the value it is about ({@code
 * config.atlassian.jira.url}) and what is wrong with it.
 */
public class InvalidConfigException extends InvalidInputException {

  private static final long serialVersionUID = 1L;

  public InvalidConfigException(String field, String problem) {
    super(field, problem);
  }
}
