package dev.harbor.node.identity;

import dev.harbor.node.audit.AuditRecorder;
import dev.harbor.schemas.audit.AuditEvent;
import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps audit events in memory instead of sending them to Kafka, for the identity tests. */
@Singleton
@Primary
@Replaces(AuditRecorder.class)
@Requires(env = "test")
@Requires(property = RecordingAuditRecorder.ENABLED, value = "true")
class RecordingAuditRecorder implements AuditRecorder {

  static final String ENABLED = "harbor.test.recording-audit";

  private final List<AuditEvent> events = new CopyOnWriteArrayList<>();

  @Override
  public void record(AuditEvent event) {
    events.add(event);
  }

  List<AuditEvent> events() {
    return List.copyOf(events);
  }
}
