package dev.harbor.policy;

import dev.harbor.policy.Lifecycle.Trigger;
import dev.harbor.schemas.audit.AuditEventType;
import dev.harbor.schemas.audit.AuditOutcome;
import dev.harbor.schemas.instance.Instance;
import dev.harbor.schemas.instance.InstanceStatus;
import dev.harbor.schemas.launch.LaunchOrder;
import dev.harbor.schemas.launch.LauncherEvent;
import dev.harbor.schemas.launch.LauncherEventType;
import dev.harbor.schemas.node.Actor;
import dev.harbor.schemas.node.CallerKind;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The launcher's reports become status changes. A report answers one order; a report about any
 * other order than the instance's order in force is stale and changes nothing, and so does a report
 * the lifecycle has no transition for (the launcher repeats reports after a crash, so a repeat must be
 * harmless). Changes are made by the node itself ({@code system} actor named after the launcher) and
 * carry the order's correlation id.
 */
final class LauncherEventHandler {

  private static final Logger LOG = LoggerFactory.getLogger(LauncherEventHandler.class);

  /** Longest log line kept in an audit event. */
  static final int MAX_LOG_LINE = 500;

  /** Most log lines kept in an audit event. */
  static final int MAX_LOG_LINES = 20;

  private final Actor launcher;
  private final PolicyStores stores;
  private final Outputs outputs;
  private final InstanceChanges changes;

  LauncherEventHandler(String nodeId, PolicyStores stores, Outputs outputs, InstanceChanges changes) {
    this.launcher = new Actor(CallerKind.SYSTEM, nodeId + "-launcher", null);
    this.stores = stores;
    this.outputs = outputs;
    this.changes = changes;
  }

  void handle(LauncherEvent event) {
    Optional<Instance> found = stores.instance(event.instanceId());
    if (event.type() == LauncherEventType.FOREIGN_CONTAINER) {
      foreign(event, found.orElse(null));
      return;
    }
    if (found.isEmpty()) {
      LOG.warn("launcher report {} names unknown instance {}", event.id(), event.instanceId());
      return;
    }
    Instance instance = found.get();
    Optional<LaunchOrder> order = stores.currentOrder(instance.id());
    if (order.isEmpty() || !order.get().id().equals(event.orderId())) {
      LOG.debug("stale launcher report {} for instance {}: it answers order {}, the order in force is {}",
          event.id(), instance.id(), event.orderId(), order.map(LaunchOrder::id).orElse("none"));
      return;
    }
    String correlation = order.get().correlationId();
    switch (event.type()) {
      case STARTED -> started(instance, event, correlation);
      case UNHEALTHY -> unhealthy(instance, event, correlation);
      case FAILED -> failed(instance, event, correlation);
      case REMOVED -> removed(instance, event, correlation);
      case SECRETS_MISSING -> secretsMissing(instance, event, correlation);
      case FOREIGN_CONTAINER -> throw new IllegalStateException("handled above");
    }
  }

  private void started(Instance instance, LauncherEvent event, String correlation) {
    if (!InstanceChanges.canApply(instance, Trigger.STARTED)) {
      return;
    }
    Map<String, String> details = new LinkedHashMap<>(event.connectionInfo());
    putIfPresent(details, "container", event.containerName());
    putIfPresent(details, "imageDigest", event.imageDigest());
    outputs.audit(
        AuditDraft.of(AuditEventType.LAUNCH_SUCCEEDED, launcher,
                "instance " + instance.id() + " of " + instance.catalogId() + " runs and answered MCP"
                    + serverName(event))
            .instance(instance)
            .outcome(AuditOutcome.SUCCEEDED)
            .details(details)
            .correlation(correlation));
    changes.apply(instance, Trigger.STARTED,
        d -> d.container(event.containerName(), event.connectionInfo()).started(outputs.now()).errorMessage(null),
        launcher, correlation);
  }

  private void unhealthy(Instance instance, LauncherEvent event, String correlation) {
    if (!InstanceChanges.canApply(instance, Trigger.UNHEALTHY)) {
      return;
    }
    outputs.audit(problem(event.drift() ? AuditEventType.CONTAINER_DRIFTED : AuditEventType.LAUNCH_FAILED,
        instance, event, "instance " + instance.id() + " is unhealthy: " + event.reason(), correlation));
    changes.apply(instance, Trigger.UNHEALTHY, d -> d.errorMessage(event.reason()), launcher, correlation);
  }

  private void failed(Instance instance, LauncherEvent event, String correlation) {
    if (!InstanceChanges.canApply(instance, Trigger.FAILED)) {
      return;
    }
    AuditEventType type = event.drift()
        ? AuditEventType.CONTAINER_DRIFTED
        : instance.status() == InstanceStatus.REMOVING ? AuditEventType.REMOVE_FAILED : AuditEventType.LAUNCH_FAILED;
    outputs.audit(problem(type, instance, event, "instance " + instance.id() + " failed: " + event.reason(),
        correlation));
    changes.apply(instance, Trigger.FAILED, d -> d.errorMessage(event.reason()).stopped(outputs.now()),
        launcher, correlation);
  }

  private void removed(Instance instance, LauncherEvent event, String correlation) {
    if (!InstanceChanges.canApply(instance, Trigger.CONTAINER_REMOVED)) {
      return;
    }
    outputs.audit(
        AuditDraft.of(AuditEventType.REMOVE_SUCCEEDED, launcher,
                "instance " + instance.id() + " removed: no container and no secrets remain")
            .instance(instance)
            .outcome(AuditOutcome.SUCCEEDED)
            .correlation(correlation));
    changes.apply(instance, Trigger.CONTAINER_REMOVED, d -> d.stopped(outputs.now()).errorMessage(null),
        launcher, correlation);
  }

  private void secretsMissing(Instance instance, LauncherEvent event, String correlation) {
    if (!InstanceChanges.canApply(instance, Trigger.SECRETS_MISSING)) {
      return;
    }
    String names = String.join(", ", event.missingSecrets());
    String reason = "waiting for an operator to supply secret" + (event.missingSecrets().size() == 1 ? "" : "s")
        + ": " + names;
    outputs.audit(
        AuditDraft.of(AuditEventType.SECRET_MISSING, launcher, "instance " + instance.id() + " is " + reason)
            .instance(instance)
            .outcome(AuditOutcome.PENDING)
            .reason(reason)
            .details(Map.of("secrets", names))
            .correlation(correlation));
    changes.apply(instance, Trigger.SECRETS_MISSING, d -> d.errorMessage(reason), launcher, correlation);
  }

  private void foreign(LauncherEvent event, Instance claimed) {
    Map<String, String> details = new LinkedHashMap<>();
    putIfPresent(details, "container", event.containerName());
    putIfPresent(details, "containerId", event.containerId());
    AuditDraft draft =
        AuditDraft.of(AuditEventType.FOREIGN_CONTAINER_FOUND, launcher,
                "container " + event.containerName() + " carries Harbor's labels without valid ownership; left alone")
            .outcome(AuditOutcome.FAILED)
            .reason(event.reason())
            .details(details);
    if (claimed != null) {
      draft.instance(claimed);
    } else {
      draft.instanceId(event.instanceId());
    }
    outputs.audit(draft);
  }

  private AuditDraft problem(
      AuditEventType type, Instance instance, LauncherEvent event, String message, String correlation) {
    Map<String, String> details = new LinkedHashMap<>();
    putIfPresent(details, "container", event.containerName());
    if (!event.logTail().isEmpty()) {
      details.put("logTail", logTail(event));
    }
    return AuditDraft.of(type, launcher, message)
        .instance(instance)
        .outcome(AuditOutcome.FAILED)
        .reason(event.reason())
        .details(details)
        .correlation(correlation);
  }

  /** The report's last log lines, bounded in count and length, one per line. */
  static String logTail(LauncherEvent event) {
    var lines = event.logTail();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - MAX_LOG_LINES), lines.size()).stream()
        .map(line -> line.length() > MAX_LOG_LINE ? line.substring(0, MAX_LOG_LINE) + "..." : line)
        .toList());
  }

  private static String serverName(LauncherEvent event) {
    String name = event.connectionInfo().get("serverName");
    return name == null ? "" : " (" + name + ")";
  }

  private static void putIfPresent(Map<String, String> details, String key, String value) {
    if (value != null && !value.isBlank()) {
      details.put(key, value);
    }
  }
}
