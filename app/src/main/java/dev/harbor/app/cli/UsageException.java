package dev.harbor.app.cli;

/** A command line that does not fit a command's synopsis; exits with {@link ExitCode#USAGE}. */
public final class UsageException extends RuntimeException {

  private final String usage;

  /**
   * @param message what is wrong, in one line
   * @param usage the synopsis to show as a hint; may be null for the general help
   */
  public UsageException(String message, String usage) {
    super(message);
    this.usage = usage;
  }

  /** The hint shown after the error: the command's synopsis, or where to find help. */
  public String hint() {
    return usage == null ? "see ./harbor mcp help" : "usage: ./harbor mcp " + usage;
  }
}
