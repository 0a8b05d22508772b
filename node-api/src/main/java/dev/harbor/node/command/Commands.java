package dev.harbor.node.command;

import dev.harbor.schemas.audit.AuditEventType;
import dev.harbor.schemas.command.Command;
import dev.harbor.schemas.command.CommandType;
import dev.harbor.schemas.node.Actor;
import io.micronaut.core.annotation.Nullable;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

/**
 * Builds the commands one node sends, each with a fresh correlation id and the current time in whole
 * milliseconds (the precision of a Kafka timestamp, so anything the stream stamps from the record
 * is never earlier than the command).
 */
public final class Commands {

  private final String nodeId;
  private final Clock clock;

  public Commands(String nodeId, Clock clock) {
    this.nodeId = nodeId;
    this.clock = clock;
  }

  /** Enable or disable a catalog entry on this node; {@code note} is the reason shown beside it. */
  public Command catalogState(boolean enable, Actor actor, String catalogId, @Nullable String note) {
    return command(
        enable ? CommandType.ENABLE : CommandType.DISABLE, actor, null, catalogId, null, Map.of(), note, null, Map.of());
  }

  /** Set up an instance of a catalog entry under an id node-api chose. */
  public Command setup(
      Actor actor, String instanceId, String catalogId, Map<String, String> config, @Nullable String idempotencyKey) {
    return command(CommandType.SETUP, actor, instanceId, catalogId, idempotencyKey, config, null, null, Map.of());
  }

  /** Remove, restart, approve or deny one instance. */
  public Command instance(
      CommandType type, Actor actor, String instanceId, String catalogId, @Nullable String note, Map<String, String> details) {
    return command(type, actor, instanceId, catalogId, null, Map.of(), note, null, details);
  }

  /** Record an audit-only event: {@code notice} is its type, {@code details} its safe context. */
  public Command notice(
      String id,
      Instant at,
      Actor actor,
      AuditEventType notice,
      @Nullable String catalogId,
      @Nullable String instanceId,
      @Nullable String message,
      Map<String, String> details) {
    return new Command(
        id, nodeId, CommandType.NOTICE, at, actor, instanceId, catalogId, null, Map.of(), message, notice, details);
  }

  /** An audit-only event happening now. */
  public Command notice(
      Actor actor,
      AuditEventType notice,
      @Nullable String catalogId,
      @Nullable String instanceId,
      String message,
      Map<String, String> details) {
    return notice(newId(), now(), actor, notice, catalogId, instanceId, message, details);
  }

  private Command command(
      CommandType type,
      Actor actor,
      @Nullable String instanceId,
      @Nullable String catalogId,
      @Nullable String idempotencyKey,
      Map<String, String> config,
      @Nullable String note,
      @Nullable AuditEventType notice,
      Map<String, String> details) {
    return new Command(
        newId(), nodeId, type, now(), actor, instanceId, catalogId, idempotencyKey, config, note, notice, details);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  private static String newId() {
    return UUID.randomUUID().toString();
  }
}
