package dev.harbor.node;

import dev.harbor.node.catalog.NodeCatalog;
import dev.harbor.node.instance.NodeInstances;
import dev.harbor.platform.health.Readiness;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/** The node answers reads truthfully once both its mirrors, catalog and instances, have caught up. */
@Singleton
@Requires(env = "node")
class NodeReadiness implements Readiness {

  private final NodeCatalog catalog;
  private final NodeInstances instances;

  NodeReadiness(NodeCatalog catalog, NodeInstances instances) {
    this.catalog = catalog;
    this.instances = instances;
  }

  @Override
  public boolean ready() {
    return catalog.ready() && instances.ready();
  }
}
