package dev.harbor.sdk;

import dev.harbor.schemas.Wire;
import dev.harbor.schemas.audit.AuditEventType;
import dev.harbor.schemas.audit.AuditOutcome;
import dev.harbor.schemas.node.CallerKind;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A question to a Node's audit trail ({@link HarborClient#audit}). Every filter is optional and all
 * given ones must hold; results come newest first.
 */
public final class AuditFilter extends PagedQuery<AuditFilter> {

  private AuditFilter() {}

  /** Every event, first page. */
  public static AuditFilter all() {
    return new AuditFilter();
  }

  public AuditFilter instanceId(String instanceId) {
    query.put("instanceId", instanceId);
    return this;
  }

  public AuditFilter catalogId(String catalogId) {
    query.put("catalogId", catalogId);
    return this;
  }

  public AuditFilter actorName(String name) {
    query.put("actorName", name);
    return this;
  }

  public AuditFilter actorKind(CallerKind kind) {
    query.put("actorKind", kind == null ? null : kind.wire());
    return this;
  }

  /** Events of any of these types. */
  public AuditFilter types(AuditEventType... types) {
    query.put("types", joined(types));
    return this;
  }

  public AuditFilter outcome(AuditOutcome outcome) {
    query.put("outcome", outcome == null ? null : outcome.wire());
    return this;
  }

  /** Events at or after {@code from}. */
  public AuditFilter from(Instant from) {
    query.put("from", from);
    return this;
  }

  /** Events before {@code to}. */
  public AuditFilter to(Instant to) {
    query.put("to", to);
    return this;
  }

  /** Text found, ignoring case, in the message, the reason or any detail. */
  public AuditFilter text(String text) {
    query.put("text", text);
    return this;
  }

  @Override
  AuditFilter self() {
    return this;
  }

  static String joined(AuditEventType... types) {
    return types.length == 0 ? null : Arrays.stream(types).map(Wire::wire).collect(Collectors.joining(","));
  }
}
