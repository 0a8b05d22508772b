package dev.harbor.platform.kafka;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * How Harbor reaches its Kafka cluster, and the client configurations derived from that.
 *
 * <p>Every props map starts from Harbor's safe defaults and then applies {@code clientOverrides}
 * on top, so an external cluster's security settings ({@code security.protocol}, {@code sasl.*},
 * {@code ssl.*}) or any tuning reach all clients through configuration alone. Serializers are never
 * set here: callers pass the typed topic's serdes to the client constructors.
 *
 * @param bootstrapServers the cluster's {@code bootstrap.servers}
 * @param replicationFactor replication factor of every topic Harbor creates
 * @param minInsyncReplicas {@code min.insync.replicas} of every topic Harbor creates
 * @param clientOverrides client settings applied last to every props map
 */
public record KafkaSettings(
    String bootstrapServers,
    short replicationFactor,
    int minInsyncReplicas,
    Map<String, String> clientOverrides) {

  private static final int COMMIT_INTERVAL_MS = 100;
  private static final long STATESTORE_CACHE_BYTES = 1024L * 1024;

  public KafkaSettings {
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    if (bootstrapServers.isBlank()) {
      throw new IllegalArgumentException("bootstrapServers must not be blank");
    }
    if (replicationFactor < 1) {
      throw new IllegalArgumentException(
          "replicationFactor must be at least 1 but is " + replicationFactor);
    }
    if (minInsyncReplicas < 1 || minInsyncReplicas > replicationFactor) {
      throw new IllegalArgumentException(
          "minInsyncReplicas must be between 1 and the replication factor " + replicationFactor
              + " but is " + minInsyncReplicas);
    }
    clientOverrides = Map.copyOf(clientOverrides);
  }

  /** Settings for a single local broker: replication factor 1, min.insync.replicas 1. */
  public static KafkaSettings local(String bootstrapServers) {
    return new KafkaSettings(bootstrapServers, (short) 1, 1, Map.of());
  }

  /** Configuration for an {@code Admin} client. */
  public Map<String, Object> adminProps() {
    return withOverrides(base());
  }

  /** Configuration for an idempotent producer that waits for all in-sync replicas. */
  public Map<String, Object> producerProps(String clientId) {
    Map<String, Object> props = base();
    props.put(CommonClientConfigs.CLIENT_ID_CONFIG, Objects.requireNonNull(clientId, "clientId"));
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    return withOverrides(props);
  }

  /**
   * Configuration for a consumer that only sees committed transactional data and, for a new
   * group, starts from the earliest offset.
   *
   * @param groupIdOrNull the consumer group, or null for a consumer that assigns partitions itself
   */
  public Map<String, Object> consumerProps(String clientId, String groupIdOrNull) {
    Map<String, Object> props = base();
    props.put(CommonClientConfigs.CLIENT_ID_CONFIG, Objects.requireNonNull(clientId, "clientId"));
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    if (groupIdOrNull != null) {
      props.put(ConsumerConfig.GROUP_ID_CONFIG, groupIdOrNull);
    }
    return withOverrides(props);
  }

  /**
   * Configuration for an exactly-once Kafka Streams application whose internal topics follow the
   * same replication settings as Harbor's own topics.
   */
  public Map<String, Object> streamsProps(String applicationId, Path stateDir) {
    Map<String, Object> props = base();
    props.put(
        StreamsConfig.APPLICATION_ID_CONFIG,
        Objects.requireNonNull(applicationId, "applicationId"));
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) replicationFactor);
    props.put(
        StreamsConfig.topicPrefix(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG), minInsyncReplicas);
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, COMMIT_INTERVAL_MS);
    props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, STATESTORE_CACHE_BYTES);
    return withOverrides(props);
  }

  /** Shows override keys but never their values, which may hold credentials. */
  @Override
  public String toString() {
    return "KafkaSettings[bootstrapServers=" + bootstrapServers
        + ", replicationFactor=" + replicationFactor
        + ", minInsyncReplicas=" + minInsyncReplicas
        + ", clientOverrides=" + new TreeSet<>(clientOverrides.keySet()) + "]";
  }

  private Map<String, Object> base() {
    Map<String, Object> props = new HashMap<>();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    return props;
  }

  private Map<String, Object> withOverrides(Map<String, Object> props) {
    props.putAll(clientOverrides);
    return props;
  }
}
