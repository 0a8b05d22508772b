package dev.harbor.sdk;

import dev.harbor.schemas.audit.AuditEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Optional;

/**
 * One page of audit events, newest first. {@code hasMore} is exact; {@code total} is given only when
 * the Node knows it without scanning further (see docs/audit.md).
 */
@Serdeable
public record AuditPage(List<AuditEvent> items, int page, int size, boolean hasMore, @Nullable Long total) {

  public AuditPage {
    items = items == null ? List.of() : List.copyOf(items);
  }

  /** The exact number of matching events, when the Node knew it. */
  public Optional<Long> knownTotal() {
    return Optional.ofNullable(total);
  }
}
