package dev.harbor.schemas.instance;

import dev.harbor.schemas.node.Actor;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.Objects;

/**
 * An approval request and its answer. It is bound to one launch spec ({@code specHash}): a changed
 * spec needs a new approval. It expires at {@code expiresAt} unless answered.
 */
@Serdeable
public record Approval(
    ApprovalState state,
    String specHash,
    Instant requestedAt,
    Instant expiresAt,
    @Nullable Actor decidedBy,
    @Nullable Instant decidedAt,
    @Nullable String note) {

  public Approval {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(specHash, "specHash");
    Objects.requireNonNull(requestedAt, "requestedAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }
}
