package dev.harbor.sdk;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link HarborClient#setupAndWait} and {@link HarborClient#awaitActive} wait: at most {@code
 * timeout}, reading the instance every {@code pollInterval}, and whether a setup that waits for an
 * operator's approval is waited through ({@code waitThroughApproval}) or reported at once as {@link
 * ApprovalRequiredException} ({@code false}, the default).
 */
public record WaitOptions(Duration timeout, Duration pollInterval, boolean waitThroughApproval) {

  /** How often the instance is read unless told otherwise. */
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(250);

  public WaitOptions {
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(pollInterval, "pollInterval");
    if (timeout.isNegative() || pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("timeout must not be negative and pollInterval must be positive");
    }
  }

  /** Waits up to {@code timeout}, polling every {@link #DEFAULT_POLL_INTERVAL}, not through approval. */
  public static WaitOptions of(Duration timeout) {
    return new WaitOptions(timeout, DEFAULT_POLL_INTERVAL, false);
  }

  /** The same options, waiting through a pending approval until the timeout. */
  public WaitOptions throughApproval() {
    return new WaitOptions(timeout, pollInterval, true);
  }

  /** The same options with another poll interval. */
  public WaitOptions pollEvery(Duration interval) {
    return new WaitOptions(timeout, interval, waitThroughApproval);
  }
}
