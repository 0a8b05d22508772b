package dev.harbor.platform.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.convert.format.MapFormat;
import io.micronaut.core.naming.conventions.StringConvention;
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

    /**
     * Client settings layered on every Kafka client, flat and verbatim: {@code
     * harbor.kafka.client.security.protocol=SASL_SSL} becomes {@code security.protocol}.
     */
    public void setClient(
        @MapFormat(transformation = MapFormat.MapTransformation.FLAT, keyFormat = StringConvention.RAW)
            Map<String, String> client) {
      this.client = client;
    }
  }
}
