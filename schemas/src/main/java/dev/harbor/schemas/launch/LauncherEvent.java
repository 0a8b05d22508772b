package dev.harbor.schemas.launch;

import dev.harbor.schemas.Require;
import dev.harbor.schemas.node.NodeIds;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A report from the node's launcher, keyed by instance id on the node's launcher-events topic; the
 * policy stream turns it into the instance's next status. {@code orderId} names the order the report
 * answers, so a report about an older order is recognised as stale. {@code connectionInfo} holds only
 * what is safe to show (URL, server name and version, tools); {@code logTail} holds the container's
 * last log lines with every secret value of the instance redacted. {@code drift} marks a change made
 * outside Harbor (container removed, stopped or altered).
 */
@Serdeable
public record LauncherEvent(
    String id,
    String nodeId,
    String instanceId,
    @Nullable String orderId,
    LauncherEventType type,
    @Nullable String specHash,
    @Nullable String containerName,
    @Nullable String containerId,
    @Nullable String imageDigest,
    @Nullable String reason,
    boolean drift,
    List<String> missingSecrets,
    List<String> logTail,
    Map<String, String> connectionInfo,
    Instant at) {

  public LauncherEvent {
    Require.text(id, "id");
    NodeIds.require(nodeId);
    Require.text(instanceId, "instanceId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(at, "at");
    missingSecrets = missingSecrets == null ? List.of() : List.copyOf(missingSecrets);
    logTail = logTail == null ? List.of() : List.copyOf(logTail);
    connectionInfo = connectionInfo == null ? Map.of() : Map.copyOf(connectionInfo);
  }
}
