package dev.harbor.schemas.instance;

import dev.harbor.schemas.Require;
import dev.harbor.schemas.catalog.Transport;
import dev.harbor.schemas.node.Actor;
import dev.harbor.schemas.node.NodeIds;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One MCP server instance on a node: the value of the node's compacted instances topic, keyed by
 * {@link #id()}. Removed instances keep their record. {@code config} holds only non-secret values;
 * {@code connectionInfo} only what is safe to show (URL, server name, tool count).
 */
@Serdeable
public record Instance(
    String id,
    String nodeId,
    String catalogId,
    String slug,
    String name,
    InstanceStatus status,
    Actor requestedBy,
    Map<String, String> config,
    @Nullable String idempotencyKey,
    @Nullable Decision decision,
    ApprovalState approvalState,
    @Nullable Approval approval,
    @Nullable String specHash,
    @Nullable String dockerContainerName,
    @Nullable String dockerImage,
    Transport transport,
    Map<String, String> connectionInfo,
    SecretBindingMode secretBindingMode,
    @Nullable String errorMessage,
    Instant createdAt,
    Instant updatedAt,
    @Nullable Instant lastStartedAt,
    @Nullable Instant lastStoppedAt,
    String lastCorrelationId) {

  public Instance {
    Require.text(id, "id");
    NodeIds.require(nodeId);
    Objects.requireNonNull(catalogId, "catalogId");
    Require.text(slug, "slug");
    Require.text(name, "name");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(requestedBy, "requestedBy");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    Objects.requireNonNull(lastCorrelationId, "lastCorrelationId");
    config = config == null ? Map.of() : Map.copyOf(config);
    connectionInfo = connectionInfo == null ? Map.of() : Map.copyOf(connectionInfo);
    if (approvalState == null) {
      approvalState = ApprovalState.NOT_REQUIRED;
    }
    if (transport == null) {
      transport = Transport.UNKNOWN;
    }
    if (secretBindingMode == null) {
      secretBindingMode = SecretBindingMode.NONE;
    }
  }
}
