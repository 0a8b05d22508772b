package dev.harbor.sdk;

import dev.harbor.schemas.instance.Decision;
import dev.harbor.schemas.instance.InstanceStatus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Optional;

/**
 * The Node's answer to a setup request (always HTTP 202): the instance it concerns and where to
 * follow it. {@code status} and {@code decision} are there when the Node's policy stream decided
 * within its short wait. {@code repeated} is true when an idempotency key repeated an earlier
 * request; {@code existing} when the entry already had an instance that holds it (maybe someone
 * else's), which this answer then names.
 */
@Serdeable
public record SetupAnswer(
    String instanceId,
    @Nullable InstanceStatus status,
    String statusUrl,
    @Nullable Decision decision,
    @Nullable Boolean repeated,
    @Nullable Boolean existing) {

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
