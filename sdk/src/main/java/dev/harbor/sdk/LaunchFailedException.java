package dev.harbor.sdk;

import dev.harbor.schemas.instance.Instance;

/**
 * The instance ended {@code failed}: its image could not be pulled, its container exited, its server
 * did not answer MCP, ... {@link #reason()} is the launcher's plain reason; the instance's lifecycle
 * log ({@link HarborClient#instanceLogs}) holds the container's last log lines. A {@link
 * HarborClient#restart} tries again.
 */
public class LaunchFailedException extends SetupException {

  public LaunchFailedException(Instance instance) {
    super(instance, reasonOf(instance));
  }

  /** The launcher's reason. */
  public String reason() {
    return reasonOf(instance());
  }

  private static String reasonOf(Instance instance) {
    return instance.errorMessage() == null ? "launch failed" : instance.errorMessage();
  }
}
