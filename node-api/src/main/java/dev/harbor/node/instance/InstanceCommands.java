package dev.harbor.node.instance;

import dev.harbor.node.NodeConfig;
import dev.harbor.node.command.CommandBus;
import dev.harbor.node.command.CommandResult;
import dev.harbor.node.command.Commands;
import dev.harbor.node.command.Notes;
import dev.harbor.node.identity.Caller;
import dev.harbor.platform.http.ApiException;
import dev.harbor.platform.http.BadRequestException;
import dev.harbor.platform.http.ConflictException;
import dev.harbor.platform.http.ForbiddenException;
import dev.harbor.platform.http.NotFoundException;
import dev.harbor.platform.http.NotReadyException;
import dev.harbor.schemas.audit.AuditEventType;
import dev.harbor.schemas.audit.AuditOutcome;
import dev.harbor.schemas.command.Command;
import dev.harbor.schemas.instance.Approval;
import dev.harbor.schemas.instance.Instance;
import dev.harbor.schemas.node.Actor;
import dev.harbor.schemas.node.CallerKind;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Remove, restart, approve and deny: each is a command to the node's policy stream, which decides and
 * enforces. What the node can already tell is answered at once and audited (a TRANSITION_REFUSED
 * notice) without sending the command: an agent or script acting on someone else's instance or
 * anyone but an operator answering an approval (403), an action its status does not allow, an
 * expired approval or an approval of another launch spec (409). Otherwise the answer waits until the
 * instance shows the command's effect.
 */
@Singleton
@Requires(env = "node")
public class InstanceCommands {

  private static final Pattern SPEC_HASH = Pattern.compile("[0-9a-f]{64}");

  private final NodeInstances instances;
  private final CommandBus bus;
  private final Commands commands;
  private final Clock clock = Clock.systemUTC();
  private final Duration applyTimeout;

  InstanceCommands(NodeInstances instances, CommandBus bus, NodeConfig node) {
    this.instances = instances;
    this.bus = bus;
    this.commands = new Commands(node.getId(), clock);
    this.applyTimeout = node.getApplyTimeout();
  }

  /** Removes an instance: operators any, agents and scripts only those they requested. */
  public CommandResult<Instance> remove(String id, Caller caller) {
    return ownerAction(id, InstanceAction.REMOVE, caller);
  }

  /** Restarts an instance: operators any, agents and scripts only those they requested. */
  public CommandResult<Instance> restart(String id, Caller caller) {
    return ownerAction(id, InstanceAction.RESTART, caller);
  }

  /**
   * Approves a pending setup. {@code specHash} is the launch spec the operator approves; without it,
   * the one the pending approval shows.
   */
  public CommandResult<Instance> approve(String id, Caller caller, @Nullable String specHash, @Nullable String note) {
    String checkedNote = Notes.check("note", note);
    if (specHash != null && !SPEC_HASH.matcher(specHash).matches()) {
      throw new BadRequestException("specHash", "64 lower-case hex digits, as the approval shows it");
    }
    Instance instance = find(id);
    requireOperator(instance, InstanceAction.APPROVE, caller);
    requireLegal(instance, InstanceAction.APPROVE, caller);
    Approval approval = instance.approval();
    if (approval == null || !approval.expiresAt().isAfter(clock.instant())) {
      throw refuse(instance, InstanceAction.APPROVE, caller, new ConflictException(
          "the approval request " + (approval == null ? "is missing" : "expired at " + approval.expiresAt())));
    }
    String approved = specHash == null ? approval.specHash() : specHash;
    if (!approved.equals(approval.specHash())) {
      throw refuse(instance, InstanceAction.APPROVE, caller, new ConflictException(
          "approval does not match this request's launch spec (it is " + approval.specHash() + ")"));
    }
    return send(instance, InstanceAction.APPROVE, caller, checkedNote, Map.of("specHash", approved));
  }

  /** Denies a pending setup; the note is the reason the requester sees. */
  public CommandResult<Instance> deny(String id, Caller caller, @Nullable String note) {
    String checkedNote = Notes.check("note", note);
    Instance instance = find(id);
    requireOperator(instance, InstanceAction.DENY, caller);
    requireLegal(instance, InstanceAction.DENY, caller);
    return send(instance, InstanceAction.DENY, caller, checkedNote, Map.of());
  }

  private Instance find(String id) {
    String checked = InstanceIds.checkId(id);
    if (!instances.ready()) {
      throw new NotReadyException("the node's instance mirror is still catching up");
    }
    return instances.get(checked).orElseThrow(() -> new NotFoundException("instance '" + checked + "' not found"));
  }

  private CommandResult<Instance> ownerAction(String id, InstanceAction action, Caller caller) {
    Instance instance = find(id);
    Actor owner = instance.requestedBy();
    boolean own = owner.kind() == caller.kind() && owner.name().equals(caller.name());
    if (caller.kind() != CallerKind.OPERATOR && !own) {
      throw refuse(instance, action, caller, new ForbiddenException(
          "agents and scripts may " + action.verb() + " only instances they requested"));
    }
    requireLegal(instance, action, caller);
    return send(instance, action, caller, null, Map.of());
  }

  private void requireOperator(Instance instance, InstanceAction action, Caller caller) {
    if (caller.kind() != CallerKind.OPERATOR) {
      throw refuse(instance, action, caller, new ForbiddenException("this action requires an operator token"));
    }
  }

  private void requireLegal(Instance instance, InstanceAction action, Caller caller) {
    if (!action.legalFrom(instance.status())) {
      throw refuse(instance, action, caller, new ConflictException(
          "cannot " + action.verb() + " an instance that is " + instance.status().wire()));
    }
  }

  private CommandResult<Instance> send(
      Instance instance, InstanceAction action, Caller caller, @Nullable String note, Map<String, String> details) {
    Command command =
        commands.instance(action.command(), caller.actor(), instance.id(), instance.catalogId(), note, details);
    bus.send(command);
    return instances
        .awaitCommand(instance.id(), command.id(), applyTimeout)
        .map(now -> new CommandResult<>(now, true))
        .orElseGet(() -> new CommandResult<>(instances.get(instance.id()).orElse(instance), false));
  }

  /** Audits a refusal decided here, then hands back the answer to throw. */
  private ApiException refuse(Instance instance, InstanceAction action, Caller caller, ApiException answer) {
    AuditOutcome outcome = answer.status() == HttpStatus.FORBIDDEN ? AuditOutcome.DENIED : AuditOutcome.FAILED;
    bus.send(
        commands.notice(
            caller.actor(),
            AuditEventType.TRANSITION_REFUSED,
            instance.catalogId(),
            instance.id(),
            action.verb() + " refused: " + answer.getMessage(),
            Map.of(
                "action", action.verb(),
                "status", instance.status().wire(),
                "outcome", outcome.wire(),
                "reason", answer.getMessage())));
    return answer;
  }
}
