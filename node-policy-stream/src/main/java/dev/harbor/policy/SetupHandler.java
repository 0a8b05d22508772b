package dev.harbor.policy;

import dev.harbor.policy.Lifecycle.Trigger;
import dev.harbor.schemas.audit.AuditEventType;
import dev.harbor.schemas.audit.AuditOutcome;
import dev.harbor.schemas.catalog.CatalogEntry;
import dev.harbor.schemas.catalog.Transport;
import dev.harbor.schemas.command.Command;
import dev.harbor.schemas.instance.Approval;
import dev.harbor.schemas.instance.ApprovalState;
import dev.harbor.schemas.instance.Decision;
import dev.harbor.schemas.instance.Instance;
import dev.harbor.schemas.instance.InstanceStatus;
import dev.harbor.schemas.instance.SecretBindingMode;
import dev.harbor.schemas.launch.LaunchOrder;
import dev.harbor.schemas.launch.LaunchSpec;
import dev.harbor.schemas.launch.OrderType;
import dev.harbor.schemas.node.CatalogEntryState;
import dev.harbor.schemas.policy.PolicyAction;
import dev.harbor.schemas.policy.PolicyEffect;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * SETUP: a repeat of a known instance id changes nothing; otherwise a new instance is decided by the
 * checks (unknown entry, disabled on this node, not launchable, invalid configuration, already set
 * up), in that order, and then by policy: allowed (installing, launch order), waiting for approval
 * (bound to the launch spec's hash, expiring), or denied.
 */
final class SetupHandler {

  private final String nodeId;
  private final PolicySettings settings;
  private final PolicyStores stores;
  private final Outputs outputs;
  private final InstanceChanges changes;

  SetupHandler(
      String nodeId, PolicySettings settings, PolicyStores stores, Outputs outputs, InstanceChanges changes) {
    this.nodeId = nodeId;
    this.settings = settings;
    this.stores = stores;
    this.outputs = outputs;
    this.changes = changes;
  }

  void handle(Command command) {
    String instanceId = isBlank(command.instanceId()) ? derivedId(command.id()) : command.instanceId();
    if (stores.instance(instanceId).isPresent()) {
      return;
    }
    if (isBlank(command.catalogId())) {
      refuseWithoutEntry(instanceId, command);
      return;
    }
    String catalogId = command.catalogId();
    Optional<CatalogEntry> found = stores.entry(catalogId);
    if (found.isEmpty()) {
      deny(requested(instanceId, command, null), command,
          check(SetupChecks.CATALOG, "unknown catalog entry '" + catalogId + "'"));
      return;
    }
    CatalogEntry entry = found.get();
    Instance requested = requested(instanceId, command, entry);
    Optional<CatalogEntryState> state = stores.entryState(catalogId);
    if (state.isPresent() && !state.get().enabled()) {
      deny(requested, command, check(SetupChecks.NODE_STATE, disabledReason(state.get())));
      return;
    }
    if (!entry.launchable()) {
      String reason = !isBlank(entry.notLaunchableReason())
          ? entry.notLaunchableReason()
          : "catalog entry '" + catalogId + "' cannot be launched";
      deny(requested, command, check(SetupChecks.CATALOG, reason));
      return;
    }
    LaunchSpec spec;
    try {
      spec = LaunchSpecs.resolve(entry, command.config(), settings.guardrailProfile());
    } catch (InvalidConfigException e) {
      deny(requested, command, check(SetupChecks.CONFIG, e.getMessage()));
      return;
    } catch (IllegalArgumentException e) {
      deny(requested, command, check(SetupChecks.CATALOG, e.getMessage()));
      return;
    }
    Instance resolved = withSpec(requested, spec);
    Optional<Instance> live = stores.liveInstanceOf(catalogId);
    if (live.isPresent()) {
      deny(resolved, command, check(SetupChecks.DUPLICATE, "already set up as instance " + live.get().id()));
      return;
    }
    Decision decision =
        PolicyEngine.decide(
            PolicyAction.MCP_SETUP, command.actor().kind(), command.actor().name(), entry,
            stores.policy(outputs.now()), outputs.now());
    switch (decision.effect()) {
      case ALLOW -> allow(resolved, command, decision, spec);
      case REQUIRE_APPROVAL -> awaitApproval(resolved, command, decision);
      case DENY -> deny(resolved, command, decision);
    }
  }

  /** The id node-api would have chosen for a setup without one: derived from the command. */
  static String derivedId(String commandId) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(commandId.getBytes(StandardCharsets.UTF_8));
      return "i-" + HexFormat.of().formatHex(digest).substring(0, 20);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** A setup that names no entry leaves no instance (it could not say what it is of); it is audited. */
  private void refuseWithoutEntry(String instanceId, Command command) {
    String reason = "a setup must name a catalog entry";
    outputs.audit(
        AuditDraft.of(AuditEventType.SETUP_DENIED, command.actor(), "setup of instance " + instanceId + " denied: " + reason)
            .instanceId(instanceId)
            .action(PolicyAction.MCP_SETUP)
            .outcome(AuditOutcome.DENIED)
            .reason(reason)
            .details(Map.of("rule", SetupChecks.CATALOG))
            .correlation(command.id()));
  }

  private void allow(Instance resolved, Command command, Decision decision, LaunchSpec spec) {
    outputs.audit(requestedEvent(resolved, command, AuditOutcome.SUCCEEDED, decision));
    Instance installing =
        changes.apply(resolved, Trigger.SETUP_ALLOWED, d -> d.decision(decision), command.actor(), command.id());
    launch(installing, spec, command.id(), outputs);
    outputs.audit(startedEvent(installing, command));
  }

  private void awaitApproval(Instance resolved, Command command, Decision decision) {
    Instant now = outputs.now();
    Approval approval =
        new Approval(ApprovalState.PENDING, resolved.specHash(), now, now.plus(settings.approvalTtl()),
            null, null, null);
    outputs.audit(requestedEvent(resolved, command, AuditOutcome.PENDING, decision));
    changes.apply(
        resolved, Trigger.APPROVAL_REQUIRED, d -> d.decision(decision).approval(approval),
        command.actor(), command.id());
  }

  private void deny(Instance requested, Command command, Decision decision) {
    outputs.audit(
        AuditDraft.of(
                AuditEventType.SETUP_DENIED,
                command.actor(),
                "setup of " + requested.catalogId() + " denied: " + decision.reason())
            .instance(requested)
            .action(PolicyAction.MCP_SETUP)
            .outcome(AuditOutcome.DENIED)
            .reason(decision.reason())
            .details(Map.of("rule", decision.rule()))
            .correlation(command.id()));
    changes.apply(
        requested, Trigger.SETUP_DENIED, d -> d.decision(decision).errorMessage(decision.reason()),
        command.actor(), command.id());
  }

  /** Sends the LAUNCH order for an instance that is now installing. */
  static void launch(Instance installing, LaunchSpec spec, String correlationId, Outputs outputs) {
    outputs.order(
        new LaunchOrder(outputs.nextId(), installing.nodeId(), installing.id(), OrderType.LAUNCH, spec,
            spec.hash(), correlationId, outputs.now()));
  }

  /** The setup_started event of an instance whose launch was just ordered. */
  static AuditDraft startedEvent(Instance installing, Command command) {
    return AuditDraft.of(
            AuditEventType.SETUP_STARTED,
            command.actor(),
            "launch of " + installing.catalogId() + " ordered for instance " + installing.id())
        .instance(installing)
        .action(PolicyAction.MCP_SETUP)
        .outcome(AuditOutcome.SUCCEEDED)
        .details(Map.of("specHash", installing.specHash()))
        .correlation(command.id());
  }

  private AuditDraft requestedEvent(
      Instance resolved, Command command, AuditOutcome outcome, Decision decision) {
    return AuditDraft.of(
            AuditEventType.SETUP_REQUESTED,
            command.actor(),
            InstanceChanges.who(command.actor()) + " asked to set up " + resolved.catalogId()
                + " as instance " + resolved.id())
        .instance(resolved)
        .action(PolicyAction.MCP_SETUP)
        .outcome(outcome)
        .reason(decision.reason())
        .details(Map.of("rule", decision.rule(), "specHash", resolved.specHash()))
        .correlation(command.id());
  }

  private Decision check(String rule, String reason) {
    return new Decision(PolicyEffect.DENY, rule, reason, outputs.now());
  }

  private Instance requested(String instanceId, Command command, CatalogEntry entry) {
    String catalogId = command.catalogId();
    Instant now = outputs.now();
    return new Instance(
        instanceId, nodeId, catalogId, entry == null || isBlank(entry.slug()) ? catalogId : entry.slug(),
        entry == null || isBlank(entry.name()) ? catalogId : entry.name(), InstanceStatus.REQUESTED, command.actor(),
        command.config(), command.idempotencyKey(), null, ApprovalState.NOT_REQUIRED, null, null,
        null, null, entry != null ? entry.transport() : Transport.UNKNOWN, Map.of(),
        entry == null || entry.secrets().isEmpty() ? SecretBindingMode.NONE : SecretBindingMode.MANUAL,
        null, now, now, null, null, command.id());
  }

  private static Instance withSpec(Instance requested, LaunchSpec spec) {
    return InstanceDraft.from(requested).spec(spec.hash(), LaunchSpecs.imageReference(spec)).build();
  }

  static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  private static String disabledReason(CatalogEntryState state) {
    return "catalog entry disabled on this node by " + state.changedBy().name()
        + (state.reason() == null || state.reason().isBlank() ? "" : ": " + state.reason());
  }
}
