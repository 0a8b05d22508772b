package dev.harbor.sdk;

import java.time.Duration;
import java.util.Optional;

/**
 * HTTP 503: the Node's read model is still catching up (typically just after it started). Ask again
 * after {@link #retryAfter()}.
 */
public class NotReadyException extends HarborException {

  private final Duration retryAfter;

  public NotReadyException(String error, String field, String serverMessage, Duration retryAfter) {
    super(503, error, field, serverMessage);
    this.retryAfter = retryAfter;
  }

  /** How long the Node asked callers to wait ({@code Retry-After}), when it said. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
