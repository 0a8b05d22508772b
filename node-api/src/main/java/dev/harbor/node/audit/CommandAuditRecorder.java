package dev.harbor.node.audit;

import dev.harbor.node.command.CommandBus;
import dev.harbor.node.command.Commands;
import dev.harbor.schemas.audit.AuditEvent;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Audits through the node's policy stream, the only writer of the audit topic: each event becomes a
 * NOTICE command carrying its type, subject, message and details, with the event's id as the
 * correlation id. Returns once the broker has the command.
 */
@Singleton
@Requires(env = "node")
class CommandAuditRecorder implements AuditRecorder {

  private final CommandBus bus;
  private final Commands commands;

  CommandAuditRecorder(CommandBus bus) {
    this.bus = bus;
    this.commands = new Commands(bus.nodeId(), Clock.systemUTC());
  }

  @Override
  public void record(AuditEvent event) {
    bus.send(
        commands.notice(
            event.id(),
            event.at(),
            event.actor(),
            event.type(),
            event.catalogId(),
            event.instanceId(),
            event.message(),
            event.details()));
  }
}
