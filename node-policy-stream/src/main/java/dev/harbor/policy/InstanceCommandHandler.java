package dev.harbor.policy;

import dev.harbor.policy.Lifecycle.Trigger;
import dev.harbor.schemas.audit.AuditEventType;
import dev.harbor.schemas.audit.AuditOutcome;
import dev.harbor.schemas.catalog.CatalogEntry;
import dev.harbor.schemas.command.Command;
import dev.harbor.schemas.instance.Decision;
import dev.harbor.schemas.instance.Instance;
import dev.harbor.schemas.instance.InstanceStatus;
import dev.harbor.schemas.launch.LaunchOrder;
import dev.harbor.schemas.launch.LaunchSpec;
import dev.harbor.schemas.launch.OrderType;
import dev.harbor.schemas.node.Actor;
import dev.harbor.schemas.node.CallerKind;
import dev.harbor.schemas.node.CatalogEntryState;
import dev.harbor.schemas.policy.PolicyAction;
import dev.harbor.schemas.policy.PolicyEffect;
import java.util.Map;
import java.util.Optional;

/**
 * REMOVE and RESTART of an existing instance. Policy decides first; then an agent or a script may
 * touch only an instance it requested itself. A restart starts the very spec the instance was set up
 * (and perhaps approved) with: when today's catalog entry resolves to another, it is refused.
 */
final class InstanceCommandHandler {

  /** The rule a decision names when an agent or script touches someone else's instance. */
  static final String OWNERSHIP = "ownership";

  private final PolicySettings settings;
  private final PolicyStores stores;
  private final Outputs outputs;
  private final InstanceChanges changes;

  InstanceCommandHandler(
      PolicySettings settings, PolicyStores stores, Outputs outputs, InstanceChanges changes) {
    this.settings = settings;
    this.stores = stores;
    this.outputs = outputs;
    this.changes = changes;
  }

  void remove(Command command) {
    Optional<Instance> found = stores.instance(command.instanceId());
    if (found.isEmpty()) {
      changes.refuse(command, null, PolicyAction.MCP_REMOVE, unknown(command));
      return;
    }
    Instance instance = found.get();
    Optional<Decision> denial = denial(command, instance, PolicyAction.MCP_REMOVE, "remove");
    if (denial.isPresent()) {
      outputs.audit(denied(AuditEventType.REMOVE_REQUESTED, PolicyAction.MCP_REMOVE, command, instance, denial.get()));
      return;
    }
    Optional<InstanceStatus> next = Lifecycle.next(instance.status(), Trigger.REMOVE);
    if (next.isEmpty()) {
      changes.refuse(command, instance, PolicyAction.MCP_REMOVE,
          "instance " + instance.id() + " is " + instance.status().wire() + " and cannot be removed");
      return;
    }
    if (next.get() == InstanceStatus.REMOVED) {
      outputs.audit(
          event(AuditEventType.REMOVE_SUCCEEDED, PolicyAction.MCP_REMOVE, command, instance,
              "instance " + instance.id() + " removed before it ran"));
      changes.apply(instance, Trigger.REMOVE, d -> { }, command.actor(), command.id());
      return;
    }
    outputs.audit(
        event(AuditEventType.REMOVE_REQUESTED, PolicyAction.MCP_REMOVE, command, instance,
            "removal of instance " + instance.id() + " ordered by " + InstanceChanges.who(command.actor())));
    Instance removing = changes.apply(instance, Trigger.REMOVE, d -> { }, command.actor(), command.id());
    outputs.order(
        new LaunchOrder(outputs.nextId(), removing.nodeId(), removing.id(), OrderType.REMOVE, null, null,
            command.id(), outputs.now()));
  }

  void restart(Command command) {
    Optional<Instance> found = stores.instance(command.instanceId());
    if (found.isEmpty()) {
      changes.refuse(command, null, PolicyAction.MCP_RESTART, unknown(command));
      return;
    }
    Instance instance = found.get();
    Optional<Decision> denial = denial(command, instance, PolicyAction.MCP_RESTART, "restart");
    if (denial.isPresent()) {
      outputs.audit(
          denied(AuditEventType.INSTANCE_RESTART_REQUESTED, PolicyAction.MCP_RESTART, command, instance, denial.get()));
      return;
    }
    Optional<String> refusal = restartRefusal(instance);
    if (refusal.isPresent()) {
      changes.refuse(command, instance, PolicyAction.MCP_RESTART, refusal.get());
      return;
    }
    LaunchSpec spec = currentSpec(instance).orElseThrow();
    outputs.audit(
        event(AuditEventType.INSTANCE_RESTART_REQUESTED, PolicyAction.MCP_RESTART, command, instance,
            "restart of instance " + instance.id() + " ordered by " + InstanceChanges.who(command.actor())));
    Instance installing =
        changes.apply(instance, Trigger.RESTART, d -> d.errorMessage(null), command.actor(), command.id());
    outputs.order(
        new LaunchOrder(outputs.nextId(), installing.nodeId(), installing.id(), OrderType.RESTART, spec,
            spec.hash(), command.id(), outputs.now()));
  }

  /**
   * An operator stored a secret of the instance (node-api put the value into the launcher's secret
   * store; only its name is here). Audited as {@code secret_linked}; an instance waiting for secrets
   * goes back to installing with its order in force sent again, and the launcher checks once more.
   */
  void secretSupplied(Command command) {
    Optional<Instance> found = stores.instance(command.instanceId());
    String secret = command.details().get("secret");
    if (found.isEmpty()) {
      changes.refuse(command, null, PolicyAction.MCP_SETUP, unknown(command));
      return;
    }
    Instance instance = found.get();
    if (command.actor().kind() != CallerKind.OPERATOR) {
      changes.refuse(command, instance, PolicyAction.MCP_SETUP, "only operators supply secrets");
      return;
    }
    outputs.audit(
        AuditDraft.of(AuditEventType.SECRET_LINKED, command.actor(),
                InstanceChanges.who(command.actor()) + " supplied secret " + secret + " of instance " + instance.id())
            .instance(instance)
            .action(PolicyAction.MCP_SETUP)
            .outcome(AuditOutcome.SUCCEEDED)
            .details(Map.of("secret", String.valueOf(secret)))
            .correlation(command.id()));
    Optional<LaunchOrder> order = stores.currentOrder(instance.id());
    if (!InstanceChanges.canApply(instance, Trigger.SECRETS_SUPPLIED) || order.isEmpty()
        || order.get().spec() == null) {
      return;
    }
    LaunchOrder previous = order.get();
    Instance installing =
        changes.apply(instance, Trigger.SECRETS_SUPPLIED, d -> d.errorMessage(null), command.actor(), command.id());
    outputs.order(
        new LaunchOrder(outputs.nextId(), installing.nodeId(), installing.id(), previous.type(), previous.spec(),
            previous.specHash(), command.id(), outputs.now()));
  }

  private Optional<String> restartRefusal(Instance instance) {
    if (!InstanceChanges.canApply(instance, Trigger.RESTART)) {
      return Optional.of("instance " + instance.id() + " is " + instance.status().wire()
          + "; only active, degraded or failed instances restart");
    }
    Optional<Instance> live = stores.liveInstanceOf(instance.catalogId());
    if (live.isPresent() && !live.get().id().equals(instance.id())) {
      return Optional.of("instance " + live.get().id() + " of " + instance.catalogId()
          + " is set up already; remove it first");
    }
    Optional<CatalogEntryState> state = stores.entryState(instance.catalogId());
    if (state.isPresent() && !state.get().enabled()) {
      return Optional.of("catalog entry disabled on this node by " + state.get().changedBy().name());
    }
    Optional<LaunchSpec> spec = currentSpec(instance);
    if (spec.isEmpty() || !spec.get().hash().equals(instance.specHash())) {
      return Optional.of("launch spec changed since the instance was set up; remove it and set it up again");
    }
    return Optional.empty();
  }

  private Optional<LaunchSpec> currentSpec(Instance instance) {
    Optional<CatalogEntry> entry = stores.entry(instance.catalogId());
    if (entry.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LaunchSpecs.resolve(entry.get(), instance.config(), settings.guardrailProfile()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Why the actor may not do this to the instance: policy first, then ownership; empty when allowed. */
  private Optional<Decision> denial(Command command, Instance instance, PolicyAction action, String verb) {
    Actor actor = command.actor();
    CatalogEntry entry = stores.entry(instance.catalogId()).orElse(null);
    Decision decision =
        PolicyEngine.decide(action, actor.kind(), actor.name(), entry, stores.policy(outputs.now()), outputs.now());
    if (decision.effect() == PolicyEffect.REQUIRE_APPROVAL) {
      return Optional.of(new Decision(PolicyEffect.DENY, decision.rule(),
          "policy rule '" + decision.rule() + "' asks for approval, which only setups can wait for",
          decision.decidedAt()));
    }
    if (decision.effect() == PolicyEffect.DENY) {
      return Optional.of(decision);
    }
    if (!owns(actor, instance)) {
      String kind = actor.kind() == CallerKind.AGENT ? "agents" : "scripts";
      return Optional.of(new Decision(PolicyEffect.DENY, OWNERSHIP,
          kind + " may " + verb + " only instances they requested", outputs.now()));
    }
    return Optional.empty();
  }

  /** Operators and the node touch any instance; agents and scripts only those they requested. */
  static boolean owns(Actor actor, Instance instance) {
    if (actor.kind() != CallerKind.AGENT && actor.kind() != CallerKind.SCRIPT) {
      return true;
    }
    return instance.requestedBy().kind() == actor.kind()
        && instance.requestedBy().name().equals(actor.name());
  }

  private static AuditDraft denied(
      AuditEventType type, PolicyAction action, Command command, Instance instance, Decision denial) {
    return AuditDraft.of(
            type,
            command.actor(),
            command.type().wire() + " of instance " + instance.id() + " denied: " + denial.reason())
        .instance(instance)
        .action(action)
        .outcome(AuditOutcome.DENIED)
        .reason(denial.reason())
        .details(Map.of("rule", denial.rule()))
        .correlation(command.id());
  }

  private static AuditDraft event(
      AuditEventType type, PolicyAction action, Command command, Instance instance, String message) {
    return AuditDraft.of(type, command.actor(), message)
        .instance(instance)
        .action(action)
        .outcome(AuditOutcome.SUCCEEDED)
        .reason(command.note())
        .correlation(command.id());
  }

  private static String unknown(Command command) {
    return "unknown instance '" + command.instanceId() + "'";
  }
}
