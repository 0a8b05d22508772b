package dev.harbor.platform.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Settings shared by every Harbor service, under {@code harbor.*}: the data directory and how to
 * reach Kafka. An external cluster is only a different {@code harbor.kafka.bootstrap-servers} (plus
 * its security settings under {@code harbor.kafka.client.*}).
 */
@ConfigurationProperties("harbor")
public class HarborConfig {

  private Path home = Path.of(System.getProperty("user.home"), ".harbor");
  private Kafka kafka = new Kafka();

  public Path getHome() {
    return home;
  }

  public void setHome(Path home) {
    this.home = home;
  }

  public Kafka getKafka() {
    return kafka;
  }

  public void setKafka(Kafka kafka) {
    this.kafka = kafka;
  }

  /** {@code harbor.kafka.*}. */
  @ConfigurationProperties("kafka")
  public static class Kafka {
    private @Nullable String bootstrapServers;
    private short replicationFactor = 1;
    private int minInsyncReplicas = 1;
    private Map<String, String> client = new HashMap<>();

    public @Nullable String getBootstrapServers() {
      return bootstrapServers;
    }

    public void setBootstrapServers(@Nullable String bootstrapServers) {
      this.bootstrapServers = bootstrapServers;
    }

    public short getReplicationFactor() {
      return replicationFactor;
    }

    public void setReplicationFactor(short replicationFactor) {
      this.replicationFactor = replicationFactor;
    }

    public int getMinInsyncReplicas() {
      return minInsyncReplicas;
    }

    public void setMinInsyncReplicas(int minInsyncReplicas) {
      this.minInsyncReplicas = minInsyncReplicas;
    }

    public Map<String, String> getClient() {
      return client;
    }

    public void setClient(Map<String, String> client) {
      this.client = client;
    }
  }
}
