package dev.harbor.node.instance;

import dev.harbor.policy.Lifecycle;
import dev.harbor.policy.Lifecycle.Trigger;
import dev.harbor.schemas.command.CommandType;
import dev.harbor.schemas.instance.InstanceStatus;

/**
 * What a caller can ask of an existing instance, the command each one sends, and whether the
 * instance's status allows it: the policy stream's {@link Lifecycle} table, checked here first so an
 * illegal request is answered 409 at once. Approve and deny answer a pending approval only.
 */
enum InstanceAction {
  REMOVE(CommandType.REMOVE, Trigger.REMOVE, false),
  RESTART(CommandType.RESTART, Trigger.RESTART, false),
  APPROVE(CommandType.APPROVE, Trigger.APPROVED, true),
  DENY(CommandType.DENY, Trigger.SETUP_DENIED, true);

  private final CommandType command;
  private final Trigger trigger;
  private final boolean answersApproval;

  InstanceAction(CommandType command, Trigger trigger, boolean answersApproval) {
    this.command = command;
    this.trigger = trigger;
    this.answersApproval = answersApproval;
  }

  CommandType command() {
    return command;
  }

  /** The action's verb, as messages and audit details name it. */
  String verb() {
    return command.wire();
  }

  boolean legalFrom(InstanceStatus status) {
    return (!answersApproval || status == InstanceStatus.PENDING_APPROVAL)
        && Lifecycle.next(status, trigger).isPresent();
  }
}
