package dev.harbor.schemas.audit;

import dev.harbor.schemas.node.Actor;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.Map;

/**
 * One entry of a node's append-only audit topic. {@code details} holds safe, flat key/value context
 * (a search query, a reason); secret values never appear in it.
 */
@Serdeable
public record AuditEvent(
    String id,
    String nodeId,
    AuditEventType type,
    Instant at,
    Actor actor,
    @Nullable String catalogId,
    @Nullable String instanceId,
    String message,
    Map<String, String> details) {

  public AuditEvent {
    details = details == null ? Map.of() : Map.copyOf(details);
  }
}
