package dev.harbor.policy;

import dev.harbor.policy.Lifecycle.Trigger;
import dev.harbor.schemas.audit.AuditEventType;
import dev.harbor.schemas.audit.AuditOutcome;
import dev.harbor.schemas.catalog.CatalogEntry;
import dev.harbor.schemas.command.Command;
import dev.harbor.schemas.instance.Approval;
import dev.harbor.schemas.instance.ApprovalState;
import dev.harbor.schemas.instance.Instance;
import dev.harbor.schemas.launch.LaunchSpec;
import dev.harbor.schemas.node.Actor;
import dev.harbor.schemas.node.CallerKind;
import dev.harbor.schemas.node.CatalogEntryState;
import dev.harbor.schemas.policy.PolicyAction;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * APPROVE and DENY of a pending setup, and the expiry of approval requests nobody answered. Only
 * operators answer. An approval applies only to the launch spec it was requested for: the operator
 * names its hash, and the spec resolved again from today's catalog entry must still have it.
 */
final class ApprovalHandler {

  static final String EXPIRED = "approval expired";

  private final String nodeId;
  private final PolicySettings settings;
  private final PolicyStores stores;
  private final Outputs outputs;
  private final InstanceChanges changes;

  ApprovalHandler(
      String nodeId, PolicySettings settings, PolicyStores stores, Outputs outputs, InstanceChanges changes) {
    this.nodeId = nodeId;
    this.settings = settings;
    this.stores = stores;
    this.outputs = outputs;
    this.changes = changes;
  }

  void approve(Command command) {
    Optional<Instance> found = stores.instance(command.instanceId());
    if (command.actor().kind() != CallerKind.OPERATOR) {
      outputs.audit(
          answerEvent(AuditEventType.SETUP_APPROVED, command, found.orElse(null), "only operators approve"));
      return;
    }
    Optional<String> refusal = found.isEmpty() ? Optional.of(unknown(command)) : approvalRefusal(found.get(), command);
    if (refusal.isPresent()) {
      changes.refuse(command, found.orElse(null), PolicyAction.MCP_SETUP, refusal.get());
      return;
    }
    Instance pending = found.get();
    LaunchSpec spec = currentSpec(pending).orElseThrow();
    Approval approved = answered(pending.approval(), ApprovalState.APPROVED, command);
    outputs.audit(
        AuditDraft.of(
                AuditEventType.SETUP_APPROVED,
                command.actor(),
                InstanceChanges.who(command.actor()) + " approved the setup of " + pending.catalogId()
                    + " (instance " + pending.id() + ")")
            .instance(pending)
            .action(PolicyAction.MCP_SETUP)
            .outcome(AuditOutcome.SUCCEEDED)
            .reason(command.note())
            .details(Map.of("specHash", pending.approval().specHash()))
            .correlation(command.id()));
    Instance installing =
        changes.apply(pending, Trigger.APPROVED, d -> d.approval(approved), command.actor(), command.id());
    SetupHandler.launch(installing, spec, command.id(), outputs);
    outputs.audit(SetupHandler.startedEvent(installing, command));
  }

  void deny(Command command) {
    Optional<Instance> found = stores.instance(command.instanceId());
    if (command.actor().kind() != CallerKind.OPERATOR) {
      outputs.audit(
          answerEvent(AuditEventType.SETUP_DENIED, command, found.orElse(null), "only operators deny"));
      return;
    }
    if (found.isEmpty()) {
      changes.refuse(command, null, PolicyAction.MCP_SETUP, unknown(command));
      return;
    }
    Instance pending = found.get();
    if (!isPending(pending)) {
      changes.refuse(command, pending, PolicyAction.MCP_SETUP, notPending(pending));
      return;
    }
    String reason = "denied by " + InstanceChanges.who(command.actor())
        + (command.note() == null || command.note().isBlank() ? "" : ": " + command.note());
    outputs.audit(
        AuditDraft.of(
                AuditEventType.SETUP_DENIED,
                command.actor(),
                "setup of " + pending.catalogId() + " (instance " + pending.id() + ") " + reason)
            .instance(pending)
            .action(PolicyAction.MCP_SETUP)
            .outcome(AuditOutcome.DENIED)
            .reason(command.note())
            .correlation(command.id()));
    Approval denied = answered(pending.approval(), ApprovalState.DENIED, command);
    changes.apply(
        pending, Trigger.SETUP_DENIED, d -> d.approval(denied).errorMessage(reason),
        command.actor(), command.id());
  }

  /** Denies every pending setup whose approval request expired at or before {@code now}. */
  void expire(Instant now) {
    Actor system = new Actor(CallerKind.SYSTEM, nodeId, null);
    for (PolicyStores.Due due : stores.dueApprovals(now)) {
      Optional<Instance> found = stores.instance(due.instanceId()).filter(ApprovalHandler::isPending);
      if (found.isEmpty()) {
        stores.forget(due);
        continue;
      }
      if (found.get().approval().expiresAt().isAfter(now)) {
        continue;
      }
      Instance pending = found.get();
      outputs.begin("expiry/" + pending.id() + "/" + pending.approval().expiresAt(), now);
      Approval expired =
          new Approval(ApprovalState.EXPIRED, pending.approval().specHash(), pending.approval().requestedAt(),
              pending.approval().expiresAt(), null, now, null);
      outputs.audit(
          AuditDraft.of(
                  AuditEventType.SETUP_DENIED,
                  system,
                  "setup of " + pending.catalogId() + " (instance " + pending.id()
                      + ") denied: nobody approved it within " + settings.approvalTtl())
              .instance(pending)
              .action(PolicyAction.MCP_SETUP)
              .outcome(AuditOutcome.DENIED)
              .reason(EXPIRED));
      changes.apply(pending, Trigger.APPROVAL_EXPIRED, d -> d.approval(expired).errorMessage(EXPIRED), system, null);
    }
  }

  private Optional<String> approvalRefusal(Instance pending, Command command) {
    if (!isPending(pending)) {
      return Optional.of(notPending(pending));
    }
    if (!pending.approval().expiresAt().isAfter(outputs.now())) {
      return Optional.of(EXPIRED);
    }
    if (!pending.approval().specHash().equals(command.details().get("specHash"))) {
      return Optional.of("approval does not match this request's launch spec");
    }
    Optional<CatalogEntryState> state = stores.entryState(pending.catalogId());
    if (state.isPresent() && !state.get().enabled()) {
      return Optional.of("catalog entry disabled on this node by " + state.get().changedBy().name());
    }
    Optional<LaunchSpec> spec = currentSpec(pending);
    if (spec.isEmpty() || !spec.get().hash().equals(pending.approval().specHash())) {
      return Optional.of("launch spec changed since the request; ask again");
    }
    return Optional.empty();
  }

  /** The spec the request resolves to from today's catalog entry, if it still resolves. */
  private Optional<LaunchSpec> currentSpec(Instance pending) {
    Optional<CatalogEntry> entry = stores.entry(pending.catalogId());
    if (entry.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LaunchSpecs.resolve(entry.get(), pending.config(), settings.guardrailProfile()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private AuditDraft answerEvent(AuditEventType type, Command command, Instance instance, String reason) {
    AuditDraft draft =
        AuditDraft.of(
                type,
                command.actor(),
                InstanceChanges.who(command.actor()) + " may not answer the setup request of instance "
                    + command.instanceId() + ": " + reason)
            .action(PolicyAction.MCP_SETUP)
            .outcome(AuditOutcome.DENIED)
            .reason(reason)
            .correlation(command.id());
    return instance != null ? draft.instance(instance) : draft.instanceId(command.instanceId());
  }

  private Approval answered(Approval pending, ApprovalState state, Command command) {
    return new Approval(state, pending.specHash(), pending.requestedAt(), pending.expiresAt(),
        command.actor(), outputs.now(), command.note());
  }

  private static boolean isPending(Instance instance) {
    return InstanceChanges.canApply(instance, Trigger.APPROVED)
        && instance.approval() != null
        && instance.approval().state() == ApprovalState.PENDING;
  }

  private static String notPending(Instance instance) {
    return "instance " + instance.id() + " is " + instance.status().wire() + ", not waiting for approval";
  }

  private static String unknown(Command command) {
    return "unknown instance '" + command.instanceId() + "'";
  }
}
