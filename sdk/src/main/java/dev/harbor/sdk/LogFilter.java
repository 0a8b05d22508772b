package dev.harbor.sdk;

import dev.harbor.schemas.audit.AuditEventType;
import dev.harbor.schemas.audit.AuditOutcome;

/** Which part of one instance's lifecycle log {@link HarborClient#instanceLogs} reads; newest first. */
public final class LogFilter extends PagedQuery<LogFilter> {

  private LogFilter() {}

  /** The whole log, first page. */
  public static LogFilter all() {
    return new LogFilter();
  }

  /** Events of any of these types. */
  public LogFilter types(AuditEventType... types) {
    query.put("types", AuditFilter.joined(types));
    return this;
  }

  public LogFilter outcome(AuditOutcome outcome) {
    query.put("outcome", outcome == null ? null : outcome.wire());
    return this;
  }

  /** Text found, ignoring case, in the message, the reason or any detail. */
  public LogFilter text(String text) {
    query.put("text", text);
    return this;
  }

  @Override
  LogFilter self() {
    return this;
  }
}
