package dev.harbor.audit.internal;

import dev.harbor.schemas.Wire;
import java.util.HashMap;
import java.util.Map;

/**
 * The wire names of one contract enum, computed once. {@link Wire#wire()} and {@link Wire#parse}
 * lower-case names on every call, which shows up when a scan decodes a million events.
 */
final class WireNames<E extends Enum<E> & Wire> {

  static final WireNames<dev.harbor.schemas.audit.AuditEventType> TYPES =
      new WireNames<>(dev.harbor.schemas.audit.AuditEventType.class);
  static final WireNames<dev.harbor.schemas.audit.AuditOutcome> OUTCOMES =
      new WireNames<>(dev.harbor.schemas.audit.AuditOutcome.class);
  static final WireNames<dev.harbor.schemas.node.CallerKind> KINDS =
      new WireNames<>(dev.harbor.schemas.node.CallerKind.class);

  private final Class<E> type;
  private final String[] names;
  private final Map<String, E> constants = new HashMap<>();

  private WireNames(Class<E> type) {
    this.type = type;
    E[] values = type.getEnumConstants();
    this.names = new String[values.length];
    for (E value : values) {
      names[value.ordinal()] = value.wire();
      constants.put(value.wire(), value);
    }
  }

  String name(E value) {
    return names[value.ordinal()];
  }

  /** The constant with this wire name; an unknown name is refused like {@link Wire#parse} does. */
  E parse(String wire) {
    E value = constants.get(wire);
    return value != null ? value : Wire.parse(type, wire);
  }
}
