package dev.harbor.sdk;

import dev.harbor.schemas.instance.ApprovalState;
import dev.harbor.schemas.instance.Decision;
import dev.harbor.schemas.instance.InstanceStatus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** Where an instance is, in short: the answer of {@code GET /v1/mcp/instances/{id}/status}. */
@Serdeable
public record InstanceStatusView(
    String id,
    InstanceStatus status,
    ApprovalState approvalState,
    @Nullable Decision decision,
    @Nullable String errorMessage,
    Instant updatedAt) {}
