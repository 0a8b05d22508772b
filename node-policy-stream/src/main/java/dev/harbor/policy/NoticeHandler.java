package dev.harbor.policy;

import dev.harbor.schemas.audit.AuditEventType;
import dev.harbor.schemas.audit.AuditOutcome;
import dev.harbor.schemas.command.Command;
import java.util.Map;

/**
 * NOTICE: records the audit event node-api reports (a catalog read, a token change, a policy change)
 * with the command's details. The caller's note, when there is one, is the event's message.
 */
final class NoticeHandler {

  private static final Map<AuditEventType, String> ACTIONS =
      Map.of(
          AuditEventType.CATALOG_VIEWED, "catalog.view",
          AuditEventType.CATALOG_SEARCHED, "catalog.search",
          AuditEventType.TOKEN_CREATED, "token.create",
          AuditEventType.TOKEN_REVOKED, "token.revoke",
          AuditEventType.POLICY_CHANGED, "policy.update");

  private final Outputs outputs;

  NoticeHandler(Outputs outputs) {
    this.outputs = outputs;
  }

  /** Detail keys a notice may carry to say how the recorded action ended and why. */
  static final String OUTCOME = "outcome";

  static final String REASON = "reason";

  /** Records the notice; false when the command names no event type (nothing is recorded). */
  boolean handle(Command command) {
    AuditEventType type = command.notice();
    if (type == null) {
      return false;
    }
    String message = command.note() != null && !command.note().isBlank()
        ? command.note()
        : type.wire().replace('_', ' ') + " by " + InstanceChanges.who(command.actor());
    outputs.audit(
        AuditDraft.of(type, command.actor(), message)
            .catalog(command.catalogId())
            .instanceId(command.instanceId())
            .details(command.details())
            .action(ACTIONS.get(type))
            .outcome(outcome(command))
            .reason(command.details().get(REASON))
            .correlation(command.id()));
    return true;
  }

  /**
   * A notice records something the API already did (succeeded) unless it says otherwise: a refusal
   * decided at the edge carries {@code outcome} ({@code denied} or {@code failed}) and {@code reason}.
   */
  private static AuditOutcome outcome(Command command) {
    String outcome = command.details().get(OUTCOME);
    if (outcome == null) {
      return AuditOutcome.SUCCEEDED;
    }
    try {
      return AuditOutcome.of(outcome);
    } catch (IllegalArgumentException e) {
      return AuditOutcome.SUCCEEDED;
    }
  }
}
