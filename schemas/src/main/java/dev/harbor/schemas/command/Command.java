package dev.harbor.schemas.command;

import dev.harbor.schemas.audit.AuditEventType;
import dev.harbor.schemas.node.Actor;
import dev.harbor.schemas.node.NodeIds;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A request to the node, as the REST layer received it: the value of the node's commands topic. The
 * REST layer never decides; the policy stream does. {@code id} is the correlation id every resulting
 * event carries. {@code config} holds non-secret values only. A {@link CommandType#NOTICE} carries
 * the audit event type to record ({@code notice}) and its {@code details}.
 */
@Serdeable
public record Command(
    String id,
    String nodeId,
    CommandType type,
    Instant at,
    Actor actor,
    @Nullable String instanceId,
    @Nullable String catalogId,
    @Nullable String idempotencyKey,
    Map<String, String> config,
    @Nullable String note,
    @Nullable AuditEventType notice,
    Map<String, String> details) {

  public Command {
    Objects.requireNonNull(id, "id");
    NodeIds.require(nodeId);
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    config = config == null ? Map.of() : Map.copyOf(config);
    details = details == null ? Map.of() : Map.copyOf(details);
  }

  /** The record key on the commands topic: the instance, else the catalog entry, else the command. */
  public String subject() {
    return instanceId != null ? instanceId : catalogId != null ? catalogId : id;
  }
}
