package dev.harbor.policy;

import dev.harbor.policy.Lifecycle.Trigger;
import dev.harbor.schemas.audit.AuditEventType;
import dev.harbor.schemas.audit.AuditOutcome;
import dev.harbor.schemas.command.Command;
import dev.harbor.schemas.instance.Instance;
import dev.harbor.schemas.instance.InstanceStatus;
import dev.harbor.schemas.node.Actor;
import dev.harbor.schemas.policy.PolicyAction;
import io.micronaut.core.annotation.Nullable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The one way an instance's status changes: the {@link Lifecycle} table is asked, the new value is
 * stored and sent to the instances topic, and a {@code status_changed} event is audited. Everything
 * that moves instances (commands, approval expiry, and the launcher's reports in a later issue) goes
 * through here; a change the table does not allow is refused with a {@code transition_refused} event.
 */
final class InstanceChanges {

  private final PolicyStores stores;
  private final Outputs outputs;

  InstanceChanges(PolicyStores stores, Outputs outputs) {
    this.stores = stores;
    this.outputs = outputs;
  }

  /** True when the lifecycle lets the trigger move the instance. */
  static boolean canApply(Instance instance, Trigger trigger) {
    return Lifecycle.next(instance.status(), trigger).isPresent();
  }

  /**
   * Moves the instance on through the trigger, with the caller's further edits.
   *
   * @param correlationId the command that caused it, or null (the instance keeps its last one)
   * @throws IllegalStateException when the lifecycle does not allow it (check {@link #canApply} first)
   */
  Instance apply(
      Instance current,
      Trigger trigger,
      Consumer<InstanceDraft> edits,
      Actor actor,
      @Nullable String correlationId) {
    InstanceStatus to =
        Lifecycle.next(current.status(), trigger)
            .orElseThrow(() -> new IllegalStateException(
                "the lifecycle does not let " + trigger + " move a " + current.status() + " instance"));
    InstanceDraft draft = InstanceDraft.from(current).status(to).updatedAt(outputs.now());
    if (correlationId != null) {
      draft.lastCorrelationId(correlationId);
    }
    edits.accept(draft);
    Instance next = draft.build();
    stores.save(next);
    outputs.instance(next);
    Map<String, String> details = new LinkedHashMap<>();
    details.put("from", current.status().wire());
    details.put("to", next.status().wire());
    outputs.audit(
        AuditDraft.of(
                AuditEventType.STATUS_CHANGED,
                actor,
                "instance " + next.id() + " is now " + next.status().wire() + " (was "
                    + current.status().wire() + ")")
            .instance(next)
            .details(details)
            .reason(next.errorMessage())
            .correlation(correlationId));
    return next;
  }

  /** Audits a command that may not change the instance (unknown, wrong status, stale approval...). */
  void refuse(Command command, @Nullable Instance instance, PolicyAction action, String reason) {
    String subject = instance != null ? instance.id() : String.valueOf(command.instanceId());
    Map<String, String> details = new LinkedHashMap<>();
    details.put("command", command.type().wire());
    if (instance != null) {
      details.put("status", instance.status().wire());
    }
    AuditDraft draft =
        AuditDraft.of(
                AuditEventType.TRANSITION_REFUSED,
                command.actor(),
                command.type().wire() + " of instance " + subject + " refused: " + reason)
            .action(action)
            .outcome(AuditOutcome.FAILED)
            .reason(reason)
            .details(details)
            .correlation(command.id());
    if (instance != null) {
      draft.instance(instance);
    } else {
      draft.instanceId(command.instanceId()).catalog(command.catalogId());
    }
    outputs.audit(draft);
  }

  /** How an actor is named in messages: {@code operator alice}. */
  static String who(Actor actor) {
    return actor.kind().wire() + " " + actor.name();
  }
}
