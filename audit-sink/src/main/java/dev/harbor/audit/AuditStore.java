package dev.harbor.audit;

import dev.harbor.platform.http.BadRequestException;
import dev.harbor.platform.http.NotReadyException;
import dev.harbor.schemas.audit.AuditEvent;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * A node's audit trail as queryable state. Answers come from a local copy of the whole audit
 * topic; while that copy is still being loaded (or the store is not started, or closed) every
 * question fails with {@link NotReadyException} (503 with Retry-After) rather than answering from
 * partial data.
 */
public interface AuditStore {

  /**
   * The events matching the query, newest first.
   *
   * @throws NotReadyException while the store is loading, not started or closed
   */
  AuditPage query(AuditQuery query);

  /**
   * One instance's lifecycle log, newest first.
   *
   * @throws BadRequestException when the page or size is out of range (see {@link AuditQuery})
   * @throws NotReadyException while the store is loading, not started or closed
   */
  default List<AuditEvent> forInstance(String instanceId, int page, int size) {
    if (size < 1 || size > AuditQuery.MAX_SIZE) {
      throw new BadRequestException("size", "must be between 1 and " + AuditQuery.MAX_SIZE);
    }
    if (page < 0 || (long) page * size > AuditQuery.MAX_OFFSET) {
      throw new BadRequestException(
          "page", "must be at least 0 and page * size at most " + AuditQuery.MAX_OFFSET);
    }
    return query(new AuditQuery(instanceId, null, null, null, Set.of(), null, null, null, null, page, size))
        .items();
  }

  /** True once the store has read the audit topic to the end it had when the store started. */
  boolean ready();

  /**
   * Rebuilds the store from offset 0 of the audit topic into a new generation while the current
   * one keeps answering, then switches to the new one and deletes the old one. Calling it while a
   * rebuild runs returns that rebuild.
   *
   * @return completes once queries are answered by the rebuilt store; fails when the rebuild
   *     failed (the current generation then stays)
   */
  CompletableFuture<Void> replay();
}
