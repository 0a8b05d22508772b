package dev.harbor.hub.internal;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code harbor.hub.*}: the catalog sources the Hub imports when it starts ({@code seed}: directories
 * in Docker's registry layout or official-registry listing files) and, optionally, a registry to sync
 * from over HTTP ({@code registry-url}, the official registry API's shape), and the Node its catalog
 * page links to ({@code node-url}).
 */
@ConfigurationProperties("harbor.hub")
public class HubConfig {

  private List<Path> seed = new ArrayList<>();
  private @Nullable URI registryUrl;
  private @Nullable URI nodeUrl;

  public List<Path> getSeed() {
    return seed;
  }

  public void setSeed(List<Path> seed) {
    this.seed = seed;
  }

  public @Nullable URI getRegistryUrl() {
    return registryUrl;
  }

  public void setRegistryUrl(@Nullable URI registryUrl) {
    this.registryUrl = registryUrl;
  }

  public @Nullable URI getNodeUrl() {
    return nodeUrl;
  }

  public void setNodeUrl(@Nullable URI nodeUrl) {
    this.nodeUrl = nodeUrl;
  }
}
