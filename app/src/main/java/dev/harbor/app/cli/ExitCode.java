package dev.harbor.app.cli;

import dev.harbor.sdk.ApprovalRequiredException;
import dev.harbor.sdk.BadRequestException;
import dev.harbor.sdk.ConflictException;
import dev.harbor.sdk.ForbiddenException;
import dev.harbor.sdk.LaunchFailedException;
import dev.harbor.sdk.NotFoundException;
import dev.harbor.sdk.SecretMissingException;
import dev.harbor.sdk.SetupDeniedException;
import dev.harbor.sdk.SetupTimeoutException;
import dev.harbor.sdk.UnauthorizedException;

/** The exit codes of {@code ./harbor mcp}, which scripts can rely on (docs/cli.md lists them). */
public final class ExitCode {

  public static final int OK = 0;
  public static final int ERROR = 1;
  public static final int USAGE = 2;
  public static final int NOT_FOUND = 3;
  public static final int FORBIDDEN = 4;
  public static final int DENIED = 5;
  public static final int PENDING_APPROVAL = 6;
  public static final int SECRET_MISSING = 7;
  public static final int FAILED = 8;
  public static final int TIMEOUT = 9;
  public static final int CONFLICT = 10;

  private ExitCode() {}

  /** The exit code for a command that ended with {@code error}. */
  public static int of(Throwable error) {
    return switch (error) {
      case UsageException e -> USAGE;
      case BadRequestException e -> USAGE;
      case NotFoundException e -> NOT_FOUND;
      case ForbiddenException e -> FORBIDDEN;
      case UnauthorizedException e -> FORBIDDEN;
      case Connection.MissingTokenException e -> FORBIDDEN;
      case SetupDeniedException e -> DENIED;
      case ApprovalRequiredException e -> PENDING_APPROVAL;
      case SecretMissingException e -> SECRET_MISSING;
      case LaunchFailedException e -> FAILED;
      case SetupTimeoutException e -> TIMEOUT;
      case ConflictException e -> CONFLICT;
      case McpCommands.NoConfigException e -> CONFLICT;
      default -> ERROR;
    };
  }

  /** The codes as {@code ./harbor mcp help} and docs/cli.md list them. */
  static String describe() {
    return """
        Exit codes:
          0  ok                         5  denied (setup denied, entry disabled)
          1  anything else (node down)  6  pending approval (setup --wait)
          2  usage error, bad request   7  secret missing
          3  not found                  8  failed (launch failed)
          4  forbidden or unauthorized  9  timeout
                                        10 conflict (the instance's status does not allow it)
        """;
  }
}
