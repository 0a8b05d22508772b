package dev.harbor.node;

import dev.harbor.schemas.catalog.CatalogEntry;
import dev.harbor.schemas.catalog.CatalogSource;
import dev.harbor.schemas.catalog.EntryStatus;
import dev.harbor.schemas.catalog.LauncherKind;
import dev.harbor.schemas.catalog.ParameterSpec;
import dev.harbor.schemas.catalog.SourceFormat;
import dev.harbor.schemas.catalog.Transport;
import dev.harbor.schemas.catalog.Visibility;
import dev.harbor.schemas.instance.Approval;
import dev.harbor.schemas.instance.ApprovalState;
import dev.harbor.schemas.instance.Decision;
import dev.harbor.schemas.instance.Instance;
import dev.harbor.schemas.instance.InstanceStatus;
import dev.harbor.schemas.node.Actor;
import dev.harbor.schemas.policy.PolicyEffect;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/** Catalog entries and instance records for node tests, as the Hub and the policy stream would write them. */
public final class Fixtures {

  public static final String SPEC_HASH = "ab".repeat(32);

  private Fixtures() {}

  /** A launchable Docker entry with one optional parameter, {@code path}. */
  public static CatalogEntry entry(String id) {
    return entry(id, new ParameterSpec("path", "a folder", "string", false, null));
  }

  /** A launchable Docker entry taking the given parameters. */
  public static CatalogEntry entry(String id, ParameterSpec... parameters) {
    Instant at = Instant.parse("2026-01-01T00:00:00Z");
    return new CatalogEntry(
        id, id, "Server " + id, "A test server", "acme", List.of("tools"), "devops", null, null, null,
        "example/" + id, "latest", null, Transport.STDIO, LauncherKind.DOCKER, true, null,
        List.of(), List.of(), List.of(parameters),
        null, null, null, null, null, null, null, null, null, "1.0.0", null, EntryStatus.AVAILABLE, Visibility.PUBLIC,
        new CatalogSource(SourceFormat.DOCKER_MCP_REGISTRY, "test", id, null, null), at, at);
  }

  /** An instance in a given status, created at {@code createdAt}, last changed by {@code correlationId}. */
  public static Instance instance(
      String nodeId, String id, String catalogId, InstanceStatus status, Actor requestedBy, Instant createdAt,
      String correlationId) {
    boolean pending = status == InstanceStatus.PENDING_APPROVAL;
    Approval approval =
        pending ? new Approval(ApprovalState.PENDING, SPEC_HASH, createdAt, createdAt.plus(1, ChronoUnit.DAYS), null, null, null)
            : null;
    Decision decision =
        new Decision(pending ? PolicyEffect.REQUIRE_APPROVAL : PolicyEffect.ALLOW, "test-rule", null, createdAt);
    return new Instance(
        id, nodeId, catalogId, catalogId, "Server " + catalogId, status, requestedBy, Map.of("path", "/data"), null,
        decision, pending ? ApprovalState.PENDING : ApprovalState.NOT_REQUIRED, approval, SPEC_HASH, null,
        "example/" + catalogId, Transport.STDIO, Map.of(), null, null, createdAt, createdAt, null, null, correlationId);
  }

  /** The same instance moved on by a command: new status and approval, stamped with its correlation id. */
  public static Instance moved(Instance before, InstanceStatus status, Approval approval, String correlationId) {
    return new Instance(
        before.id(), before.nodeId(), before.catalogId(), before.slug(), before.name(), status, before.requestedBy(),
        before.config(), before.idempotencyKey(), before.decision(),
        approval == null ? before.approvalState() : approval.state(), approval == null ? before.approval() : approval,
        before.specHash(), before.dockerContainerName(), before.dockerImage(), before.transport(),
        before.connectionInfo(), before.secretBindingMode(), before.errorMessage(), before.createdAt(),
        Instant.now(), before.lastStartedAt(), before.lastStoppedAt(), correlationId);
  }

  /** The same instance running, with what the launcher reports about reaching it. */
  public static Instance running(Instance before, Map<String, String> connectionInfo) {
    return new Instance(
        before.id(), before.nodeId(), before.catalogId(), before.slug(), before.name(), InstanceStatus.ACTIVE,
        before.requestedBy(), before.config(), before.idempotencyKey(), before.decision(), before.approvalState(),
        before.approval(), before.specHash(), before.dockerContainerName(), before.dockerImage(), before.transport(),
        connectionInfo, before.secretBindingMode(), before.errorMessage(), before.createdAt(), Instant.now(),
        Instant.now(), before.lastStoppedAt(), before.lastCorrelationId());
  }
}
