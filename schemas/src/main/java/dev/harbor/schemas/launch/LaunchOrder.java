package dev.harbor.schemas.launch;

import dev.harbor.schemas.node.NodeIds;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.Objects;

/**
 * An order to the node's launcher, keyed by instance id on the node's orders topic. LAUNCH and
 * RESTART carry the spec and its hash; REMOVE needs only the instance.
 */
@Serdeable
public record LaunchOrder(
    String id,
    String nodeId,
    String instanceId,
    OrderType type,
    @Nullable LaunchSpec spec,
    @Nullable String specHash,
    String correlationId,
    Instant at) {

  public LaunchOrder {
    Objects.requireNonNull(id, "id");
    NodeIds.require(nodeId);
    Objects.requireNonNull(instanceId, "instanceId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(correlationId, "correlationId");
    Objects.requireNonNull(at, "at");
  }
}
