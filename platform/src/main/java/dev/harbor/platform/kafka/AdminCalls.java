package dev.harbor.platform.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;

/**
 * Admin clients whose calls all finish within a time budget, and the translation of their failures
 * into exceptions that say which cluster did not answer and what Harbor was doing.
 */
final class AdminCalls {

  private static final Duration RETRY_PAUSE = Duration.ofMillis(50);

  private final KafkaSettings settings;
  private final String bootstrapServers;
  private final Duration timeout;

  AdminCalls(KafkaSettings settings, Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive but is " + timeout);
    }
    this.settings = settings;
    this.bootstrapServers = settings.bootstrapServers();
    this.timeout = timeout;
  }

  /** An admin client whose requests give up after the timeout instead of retrying for minutes. */
  Admin open() {
    Map<String, Object> props = new HashMap<>(settings.adminProps());
    int timeoutMs = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
    props.merge(
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
        timeoutMs,
        (configured, budget) ->
            Math.min(Integer.parseInt(configured.toString()), (Integer) budget));
    try {
      return Admin.create(props);
    } catch (KafkaException e) {
      throw new IllegalStateException(
          "cannot create a Kafka admin client for " + bootstrapServers + ": " + e.getMessage(), e);
    }
  }

  /** The moment, in {@link System#nanoTime()} terms, by which a call started now must be done. */
  long deadline() {
    return System.nanoTime() + timeout.toNanos();
  }

  /** Waits for the future until the deadline and explains any failure in terms of {@code what}. */
  <T> T await(KafkaFuture<T> future, long deadline, String what) {
    long remaining = Math.max(0, deadline - System.nanoTime());
    try {
      return future.get(remaining, TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      throw timedOut(what, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof org.apache.kafka.common.errors.TimeoutException) {
        throw timedOut(what, cause);
      }
      throw new IllegalStateException(
          what + " failed on Kafka at " + bootstrapServers + ": " + cause.getMessage(), cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while " + what, e);
    }
  }

  /** Waits briefly before a retry, or fails when the deadline has passed. */
  void pause(long deadline, String what) {
    long remaining = deadline - System.nanoTime();
    if (remaining <= 0) {
      throw timedOut(what, null);
    }
    try {
      TimeUnit.NANOSECONDS.sleep(Math.min(remaining, RETRY_PAUSE.toNanos()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while " + what, e);
    }
  }

  private IllegalStateException timedOut(String what, Throwable cause) {
    return new IllegalStateException(
        "Kafka at " + bootstrapServers + " did not answer within " + timeout.toMillis()
            + " ms while " + what + "; is the cluster reachable?",
        cause);
  }
}
