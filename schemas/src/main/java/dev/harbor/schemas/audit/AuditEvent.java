package dev.harbor.schemas.audit;

import dev.harbor.schemas.Require;
import dev.harbor.schemas.node.Actor;
import dev.harbor.schemas.node.NodeIds;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of a node's append-only audit topic. {@code details} holds safe, flat key/value context
 * (a search query, a reason); secret values never appear in it. {@code action} is the policy action
 * or API operation ({@code mcp.setup}, {@code catalog.search}), {@code outcome} how it ended,
 * {@code reason} why (a denial's reason, a failure's cause), and {@code correlationId} the id of the
 * command that caused it.
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
    Map<String, String> details,
    @Nullable String action,
    @Nullable AuditOutcome outcome,
    @Nullable String reason,
    @Nullable String correlationId) {

  public AuditEvent {
    Objects.requireNonNull(id, "id");
    NodeIds.require(nodeId);
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Require.text(message, "message");
    details = details == null ? Map.of() : Map.copyOf(details);
  }

  /** An event without action, outcome, reason or correlation (the first v1 shape). */
  public AuditEvent(
      String id,
      String nodeId,
      AuditEventType type,
      Instant at,
      Actor actor,
      @Nullable String catalogId,
      @Nullable String instanceId,
      String message,
      Map<String, String> details) {
    this(id, nodeId, type, at, actor, catalogId, instanceId, message, details, null, null, null, null);
  }

  /** The record key on the audit topic: the instance, else the catalog entry, else the node. */
  public String subject() {
    return instanceId != null ? instanceId : catalogId != null ? catalogId : nodeId;
  }
}
