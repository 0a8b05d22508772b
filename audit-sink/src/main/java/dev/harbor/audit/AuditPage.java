package dev.harbor.audit;

import dev.harbor.schemas.audit.AuditEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * One page of audit events, newest first.
 *
 * <p>{@code hasMore} is always exact: true when at least one more event matches after this page.
 * {@code total} is the exact number of matching events when the store knows it without scanning
 * further, and null otherwise; it is never an estimate. The store knows it when the query has no
 * time range, no text and at most one kind of filter (it keeps a counter per indexed value), or
 * when the scan for this page reached the last match (then {@code hasMore} is false).
 *
 * @param items the events of this page, newest first (ties by event id)
 * @param page the zero-based page number asked for
 * @param size the page size asked for
 * @param hasMore whether a later page holds further events
 * @param total the exact number of matching events, or null when not known cheaply
 */
@Serdeable
public record AuditPage(List<AuditEvent> items, int page, int size, boolean hasMore, @Nullable Long total) {

  public AuditPage {
    items = List.copyOf(items);
  }
}
