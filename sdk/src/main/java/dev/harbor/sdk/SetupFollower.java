package dev.harbor.sdk;

import dev.harbor.schemas.instance.Instance;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Follows one instance, reading it every poll interval, until it is {@code active} or reaches a
 * status that needs someone else (approval, secrets), a final one, or the deadline. {@code
 * secret_missing} counts as waiting for secrets only while a required secret is still unsupplied:
 * right after an operator supplies the last one, the instance reads {@code secret_missing} until the
 * Node's policy stream moves it on.
 */
final class SetupFollower {

  private final HarborClient client;

  SetupFollower(HarborClient client) {
    this.client = client;
  }

  SetupResult follow(String instanceId, WaitOptions options, long deadline) {
    while (true) {
      InstanceDetails details = client.instance(instanceId);
      Instance instance = details.instance();
      switch (instance.status()) {
        case ACTIVE -> {
          return new SetupResult(instance, details.clientConfig().orElse(ClientConfig.empty()));
        }
        case PENDING_APPROVAL -> {
          if (!options.waitThroughApproval()) {
            throw new ApprovalRequiredException(instance);
          }
        }
        case SECRET_MISSING -> {
          List<String> missing = client.listSecrets(instanceId).missing();
          if (!missing.isEmpty()) {
            throw new SecretMissingException(instance, missing);
          }
        }
        case FAILED -> throw new LaunchFailedException(instance);
        case DENIED -> throw denied(instance);
        case REMOVING, REMOVED -> throw new SetupException(instance, "it was removed before it became active");
        case REQUESTED, INSTALLING, DEGRADED -> { }
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new SetupTimeoutException(instance, options.timeout());
      }
      pause(Math.min(left, options.pollInterval().toNanos()));
    }
  }

  static SetupDeniedException denied(Instance instance) {
    if (instance.decision() != null && DisabledEntryException.RULE.equals(instance.decision().rule())) {
      return new DisabledEntryException(instance);
    }
    return new SetupDeniedException(instance);
  }

  private static void pause(long nanos) {
    try {
      Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      InterruptedIOException interrupted = new InterruptedIOException("interrupted while waiting for the instance");
      interrupted.initCause(e);
      throw new UncheckedIOException(interrupted);
    }
  }
}
