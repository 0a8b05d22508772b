package dev.harbor.audit.internal;

import dev.harbor.schemas.audit.AuditEvent;
import dev.harbor.schemas.audit.AuditEventType;
import dev.harbor.schemas.audit.AuditOutcome;
import dev.harbor.schemas.node.Actor;
import dev.harbor.schemas.node.CallerKind;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The compact binary form events take in the audit store: a format byte, then every component of
 * {@link AuditEvent} in declaration order, strings as a length and UTF-8 bytes (length -1 for
 * null), enums by wire name, the time as epoch second and nanosecond, details sorted by key.
 * Reading it back needs no JSON parsing, which keeps scans that filter on text cheap.
 */
public final class EventCodec {

  /** The stored format; a different format needs a rebuilt store. */
  public static final byte FORMAT = 1;

  private EventCodec() {}

  public static byte[] encode(AuditEvent event) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(FORMAT);
      string(out, event.id());
      string(out, event.nodeId());
      string(out, WireNames.TYPES.name(event.type()));
      out.writeLong(event.at().getEpochSecond());
      out.writeInt(event.at().getNano());
      string(out, WireNames.KINDS.name(event.actor().kind()));
      string(out, event.actor().name());
      string(out, event.actor().tokenId());
      string(out, event.catalogId());
      string(out, event.instanceId());
      string(out, event.message());
      out.writeInt(event.details().size());
      for (Map.Entry<String, String> detail : new TreeMap<>(event.details()).entrySet()) {
        string(out, detail.getKey());
        string(out, detail.getValue());
      }
      string(out, event.action());
      string(out, event.outcome() == null ? null : WireNames.OUTCOMES.name(event.outcome()));
      string(out, event.reason());
      string(out, event.correlationId());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  public static AuditEvent decode(byte[] value) {
    ByteBuffer in = ByteBuffer.wrap(value);
    byte format = in.get();
    if (format != FORMAT) {
      throw new IllegalStateException("audit store entry has format " + format + ", expected " + FORMAT);
    }
    String id = string(in);
    String nodeId = string(in);
    AuditEventType type = WireNames.TYPES.parse(string(in));
    Instant at = Instant.ofEpochSecond(in.getLong(), in.getInt());
    CallerKind kind = WireNames.KINDS.parse(string(in));
    Actor actor = new Actor(kind, string(in), string(in));
    String catalogId = string(in);
    String instanceId = string(in);
    String message = string(in);
    int detailCount = in.getInt();
    Map<String, String> details = new LinkedHashMap<>();
    for (int i = 0; i < detailCount; i++) {
      details.put(string(in), string(in));
    }
    String action = string(in);
    String outcomeWire = string(in);
    AuditOutcome outcome = outcomeWire == null ? null : WireNames.OUTCOMES.parse(outcomeWire);
    String reason = string(in);
    String correlationId = string(in);
    return new AuditEvent(
        id, nodeId, type, at, actor, catalogId, instanceId, message, details, action, outcome, reason,
        correlationId);
  }

  private static void string(DataOutputStream out, String value) throws IOException {
    if (value == null) {
      out.writeInt(-1);
      return;
    }
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  private static String string(ByteBuffer in) {
    int length = in.getInt();
    if (length < 0) {
      return null;
    }
    String value = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
    in.position(in.position() + length);
    return value;
  }
}
