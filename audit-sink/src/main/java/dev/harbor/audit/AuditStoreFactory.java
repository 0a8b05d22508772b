package dev.harbor.audit;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/** Offers the node's {@link AuditStore} as a bean of its own, so callers depend on the interface only. */
@Factory
@Requires(env = "node")
class AuditStoreFactory {

  @Singleton
  AuditStore auditStore(AuditSinkService service) {
    return service.store();
  }
}
