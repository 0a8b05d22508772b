package dev.harbor.node.instance;

import dev.harbor.schemas.instance.Decision;
import dev.harbor.schemas.instance.Instance;
import dev.harbor.schemas.instance.InstanceStatus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The answer to a setup request: the instance it concerns and where to follow it. {@code status} and
 * {@code decision} are there when the node's policy stream decided within the wait. {@code repeated}
 * is true when the request repeats an earlier one (same idempotency key), {@code existing} when the
 * catalog entry already had an instance that holds it.
 */
@Serdeable
public record SetupAccepted(
    String instanceId,
    @Nullable InstanceStatus status,
    String statusUrl,
    @Nullable Decision decision,
    @Nullable Boolean repeated,
    @Nullable Boolean existing) {

  static String statusUrl(String instanceId) {
    return "/v1/mcp/instances/" + instanceId + "/status";
  }

  static SetupAccepted sent(String instanceId) {
    return new SetupAccepted(instanceId, null, statusUrl(instanceId), null, null, null);
  }

  static SetupAccepted decided(Instance instance) {
    return of(instance, null, null);
  }

  static SetupAccepted repeated(Instance instance) {
    return of(instance, Boolean.TRUE, null);
  }

  static SetupAccepted existing(Instance instance) {
    return of(instance, null, Boolean.TRUE);
  }

  private static SetupAccepted of(Instance instance, @Nullable Boolean repeated, @Nullable Boolean existing) {
    return new SetupAccepted(
        instance.id(), instance.status(), statusUrl(instance.id()), instance.decision(), repeated, existing);
  }
}
