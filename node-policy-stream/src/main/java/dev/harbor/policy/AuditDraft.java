package dev.harbor.policy;

import dev.harbor.schemas.audit.AuditEvent;
import dev.harbor.schemas.audit.AuditEventType;
import dev.harbor.schemas.audit.AuditOutcome;
import dev.harbor.schemas.instance.Instance;
import dev.harbor.schemas.node.Actor;
import dev.harbor.schemas.policy.PolicyAction;
import java.time.Instant;
import java.util.Map;

/** An audit event being put together; {@link Outputs#audit} gives it its id, node and time. */
final class AuditDraft {

  private final AuditEventType type;
  private final Actor actor;
  private final String message;
  private String catalogId;
  private String instanceId;
  private Map<String, String> details = Map.of();
  private String action;
  private AuditOutcome outcome;
  private String reason;
  private String correlationId;

  private AuditDraft(AuditEventType type, Actor actor, String message) {
    this.type = type;
    this.actor = actor;
    this.message = message;
  }

  static AuditDraft of(AuditEventType type, Actor actor, String message) {
    return new AuditDraft(type, actor, message);
  }

  AuditDraft catalog(String value) {
    this.catalogId = value == null || value.isBlank() ? null : value;
    return this;
  }

  AuditDraft instance(Instance value) {
    this.instanceId = value.id();
    return catalog(value.catalogId());
  }

  AuditDraft instanceId(String value) {
    this.instanceId = value == null || value.isBlank() ? null : value;
    return this;
  }

  AuditDraft details(Map<String, String> value) {
    this.details = value;
    return this;
  }

  AuditDraft action(PolicyAction value) {
    this.action = value == null ? null : value.wire();
    return this;
  }

  AuditDraft action(String value) {
    this.action = value;
    return this;
  }

  AuditDraft outcome(AuditOutcome value) {
    this.outcome = value;
    return this;
  }

  AuditDraft reason(String value) {
    this.reason = value;
    return this;
  }

  AuditDraft correlation(String value) {
    this.correlationId = value;
    return this;
  }

  AuditEvent build(String id, String nodeId, Instant at) {
    return new AuditEvent(
        id, nodeId, type, at, actor, catalogId, instanceId, message, details, action, outcome,
        reason, correlationId);
  }
}
