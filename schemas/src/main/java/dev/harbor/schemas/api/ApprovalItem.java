package dev.harbor.schemas.api;

import dev.harbor.schemas.instance.ApprovalState;
import dev.harbor.schemas.instance.Instance;
import dev.harbor.schemas.node.Actor;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * An approval as an operator reviews it: which instance of which catalog entry, who asked, with which
 * configuration, the launch spec it is bound to ({@code specHash}), when it expires, and, once
 * answered, who answered and how.
 */
@Serdeable
public record ApprovalItem(
    String instanceId,
    String catalogId,
    String name,
    Actor requestedBy,
    Map<String, String> config,
    ApprovalState state,
    String specHash,
    Instant requestedAt,
    Instant expiresAt,
    @Nullable Actor decidedBy,
    @Nullable Instant decidedAt,
    @Nullable String note) {

  public ApprovalItem {
    config = config == null ? Map.of() : Map.copyOf(config);
  }

  /** The instance's approval, when it ever needed one. */
  public static Optional<ApprovalItem> of(Instance instance) {
    return Optional.ofNullable(instance.approval())
        .map(approval -> new ApprovalItem(
            instance.id(), instance.catalogId(), instance.name(), instance.requestedBy(), instance.config(),
            approval.state(), approval.specHash(), approval.requestedAt(), approval.expiresAt(),
            approval.decidedBy(), approval.decidedAt(), approval.note()));
  }
}
