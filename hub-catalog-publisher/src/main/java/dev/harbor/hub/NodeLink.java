package dev.harbor.hub;

import dev.harbor.hub.internal.HubConfig;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.Optional;

/**
 * The Harbor Node the Hub's catalog page offers to open an entry on: {@code harbor.hub.node-url}, or
 * the Node started beside the Hub in the same process. A link only; the Hub never calls the Node.
 */
@Singleton
@Requires(env = "hub")
public final class NodeLink {

  private volatile URI url;

  NodeLink(HubConfig config) {
    this.url = config.getNodeUrl();
  }

  public Optional<URI> url() {
    return Optional.ofNullable(url);
  }

  /** Points the link at a Node, unless one is configured already. */
  public void pointAtIfUnset(URI node) {
    if (url == null) {
      url = node;
    }
  }
}
