package dev.harbor.audit.internal;

import dev.harbor.schemas.audit.AuditEvent;
import io.micronaut.core.annotation.Nullable;

/**
 * The event properties the audit store keeps a secondary index for. Each has a one-byte code that
 * appears in its index and counter keys, so the codes must never change for a given store format.
 */
public enum IndexField {
  INSTANCE('i'),
  CATALOG('c'),
  ACTOR('a'),
  ACTOR_KIND('k'),
  TYPE('t'),
  OUTCOME('o');

  private final byte code;

  IndexField(char code) {
    this.code = (byte) code;
  }

  /** The byte that names this field inside keys. */
  public byte code() {
    return code;
  }

  /** The value the event is indexed under for this field, or null when it has none. */
  public @Nullable String valueOf(AuditEvent event) {
    return switch (this) {
      case INSTANCE -> event.instanceId();
      case CATALOG -> event.catalogId();
      case ACTOR -> event.actor().name();
      case ACTOR_KIND -> WireNames.KINDS.name(event.actor().kind());
      case TYPE -> WireNames.TYPES.name(event.type());
      case OUTCOME -> event.outcome() == null ? null : WireNames.OUTCOMES.name(event.outcome());
    };
  }
}
