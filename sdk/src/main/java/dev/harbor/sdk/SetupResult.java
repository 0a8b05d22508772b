package dev.harbor.sdk;

import dev.harbor.schemas.instance.Instance;

/**
 * A setup that reached {@code active}: the instance and the client configuration an MCP client
 * connects with.
 */
public record SetupResult(Instance instance, ClientConfig clientConfig) {

  /** The instance's id, for {@link HarborClient#remove} and friends. */
  public String instanceId() {
    return instance.id();
  }
}
