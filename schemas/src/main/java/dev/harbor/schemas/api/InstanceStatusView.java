package dev.harbor.schemas.api;

import dev.harbor.schemas.instance.ApprovalState;
import dev.harbor.schemas.instance.Decision;
import dev.harbor.schemas.instance.Instance;
import dev.harbor.schemas.instance.InstanceStatus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** Where an instance is, in short: what a caller polls after asking for a setup. */
@Serdeable
public record InstanceStatusView(
    String id,
    InstanceStatus status,
    ApprovalState approvalState,
    @Nullable Decision decision,
    @Nullable String errorMessage,
    Instant updatedAt) {

  public static InstanceStatusView of(Instance instance) {
    return new InstanceStatusView(
        instance.id(), instance.status(), instance.approvalState(), instance.decision(),
        instance.errorMessage(), instance.updatedAt());
  }
}
