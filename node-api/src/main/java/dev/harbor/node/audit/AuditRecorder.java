package dev.harbor.node.audit;

import dev.harbor.schemas.audit.AuditEvent;

/**
 * Records events in the node's audit trail. Implementations never put secret values in an event.
 * Returns once the event is durably on its way: a failure is thrown, so an action that must be
 * audited can be undone.
 */
public interface AuditRecorder {

  void record(AuditEvent event);
}
