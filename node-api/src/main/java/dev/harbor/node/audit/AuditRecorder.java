package dev.harbor.node.audit;

import dev.harbor.schemas.audit.AuditEvent;

/** Appends events to the node's audit trail. Implementations never put secret values in an event. */
public interface AuditRecorder {

  void record(AuditEvent event);
}
