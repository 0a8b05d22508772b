package dev.harbor.sdk;

import dev.harbor.schemas.instance.ApprovalState;
import dev.harbor.schemas.node.Actor;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.Map;

/**
 * An approval as an operator reviews it: which instance of which entry, who asked with which
 * configuration, the launch spec hash it is bound to, when it expires and, once answered, who
 * answered when and with which note.
 */
@Serdeable
public record ApprovalItem(
    String instanceId,
    String catalogId,
    String name,
    Actor requestedBy,
    @Nullable Map<String, String> config,
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
}
