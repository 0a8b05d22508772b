package dev.harbor.sdk;

import dev.harbor.schemas.instance.Instance;
import java.util.Optional;

/**
 * One instance as {@code GET /v1/mcp/instances/{id}} shows it: the instance record and, once it runs
 * ({@code active} or {@code degraded}), its client configuration.
 */
public record InstanceDetails(Instance instance, Optional<ClientConfig> clientConfig) {

  public InstanceDetails {
    clientConfig = clientConfig == null ? Optional.empty() : clientConfig;
  }
}
