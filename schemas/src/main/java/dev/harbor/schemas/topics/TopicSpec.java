package dev.harbor.schemas.topics;

import java.util.Map;

/**
 * How a topic is created: its cleanup policy, default partition count and topic-level settings.
 * Replication factor and min.insync.replicas are cluster choices and come from configuration.
 */
public record TopicSpec(CleanupPolicy cleanup, int partitions, Map<String, String> configs) {

  public TopicSpec {
    configs = Map.copyOf(configs);
  }

  public enum CleanupPolicy {
    COMPACT("compact"),
    DELETE("delete");

    private final String kafkaValue;

    CleanupPolicy(String kafkaValue) {
      this.kafkaValue = kafkaValue;
    }

    public String kafkaValue() {
      return kafkaValue;
    }
  }
}
