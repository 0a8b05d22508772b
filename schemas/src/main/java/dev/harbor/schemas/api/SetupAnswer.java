package dev.harbor.schemas.api;

import dev.harbor.schemas.instance.Decision;
import dev.harbor.schemas.instance.Instance;
import dev.harbor.schemas.instance.InstanceStatus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Optional;

/**
 * The answer to a setup request: the instance it concerns and where to follow it. {@code status} and
 * {@code decision} are there when the node's policy stream decided within the wait. {@code repeated}
 * is true when the request repeats an earlier one (same idempotency key), {@code existing} when the
 * catalog entry already had an instance that holds it.
 */
@Serdeable
public record SetupAnswer(
    String instanceId,
    @Nullable InstanceStatus status,
    String statusUrl,
    @Nullable Decision decision,
    @Nullable Boolean repeated,
    @Nullable Boolean existing) {

  /** Where an instance's short status is read. */
  public static String statusUrl(String instanceId) {
    return "/v1/mcp/instances/" + instanceId + "/status";
  }

  /** A request sent on that the policy stream has not decided within the wait. */
  public static SetupAnswer sent(String instanceId) {
    return new SetupAnswer(instanceId, null, statusUrl(instanceId), null, null, null);
  }

  /** A request decided within the wait. */
  public static SetupAnswer decided(Instance instance) {
    return of(instance, null, null);
  }

  /** A repeat of an earlier request with the same idempotency key. */
  public static SetupAnswer repeated(Instance instance) {
    return of(instance, Boolean.TRUE, null);
  }

  /** A request for an entry that already has an instance holding it. */
  public static SetupAnswer existing(Instance instance) {
    return of(instance, null, Boolean.TRUE);
  }

  private static SetupAnswer of(Instance instance, @Nullable Boolean repeated, @Nullable Boolean existing) {
    return new SetupAnswer(
        instance.id(), instance.status(), statusUrl(instance.id()), instance.decision(), repeated, existing);
  }

  /** The instance's status when the Node decided within its wait. */
  public Optional<InstanceStatus> decidedStatus() {
    return Optional.ofNullable(status);
  }

  /** True when the answer repeats an earlier request with the same idempotency key. */
  public boolean isRepeated() {
    return Boolean.TRUE.equals(repeated);
  }

  /** True when the answer names an instance that already held the entry. */
  public boolean isExisting() {
    return Boolean.TRUE.equals(existing);
  }
}
