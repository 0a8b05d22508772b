package dev.harbor.sdk;

import dev.harbor.schemas.instance.Instance;
import java.time.Duration;

/**
 * The instance was still on its way ({@code installing}, {@code degraded}, or waiting for an
 * approval the caller chose to wait through) when the wait ran out. Nothing was cancelled: the
 * instance goes on, and {@link HarborClient#awaitActive} can follow it further.
 */
public class SetupTimeoutException extends SetupException {

  private final Duration timeout;

  public SetupTimeoutException(Instance instance, Duration timeout) {
    super(instance, "not active after " + timeout);
    this.timeout = timeout;
  }

  /** How long the SDK waited. */
  public Duration timeout() {
    return timeout;
  }
}
