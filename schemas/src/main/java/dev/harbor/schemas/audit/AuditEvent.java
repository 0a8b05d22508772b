package dev.harbor.schemas.audit;

import dev.harbor.schemas.node.Actor;
import dev.harbor.schemas.topics.Topics;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

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
    Objects.requireNonNull(id, "id");
    Topics.requireNodeId(nodeId);
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(message, "message");
    details = details == null ? Map.of() : Map.copyOf(details);
  }

  /** The record key on the audit topic: the instance, else the catalog entry, else the node. */
  public String subject() {
    return instanceId != null ? instanceId : catalogId != null ? catalogId : nodeId;
  }
}
