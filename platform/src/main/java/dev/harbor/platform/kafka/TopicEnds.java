package dev.harbor.platform.kafka;

import dev.harbor.schemas.topics.Topic;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads where each partition of a topic currently ends, as a read_committed consumer sees it (the
 * last stable offset): a consumer whose position has reached these offsets has read everything
 * committed so far. Keeps one admin connection open until closed.
 */
public final class TopicEnds implements AutoCloseable {

  /** How long one lookup waits for the cluster unless told otherwise. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  private final AdminCalls calls;
  private final Admin admin;

  /** Lookups that give up on a silent cluster after {@link #DEFAULT_TIMEOUT}. */
  public TopicEnds(KafkaSettings settings) {
    this(settings, DEFAULT_TIMEOUT);
  }

  /**
   * Lookups with their own time budget.
   *
   * @param settings the cluster to ask
   * @param timeout how long one {@link #endOffsets} call may wait for the cluster
   */
  public TopicEnds(KafkaSettings settings, Duration timeout) {
    this.calls = new AdminCalls(settings, timeout);
    this.admin = calls.open();
  }

  /**
   * The committed end offset of every partition of the topic.
   *
   * @throws IllegalStateException when the topic does not exist or the cluster does not answer
   */
  public Map<TopicPartition, Long> endOffsets(String topic) {
    long deadline = calls.deadline();
    TopicDescription description =
        calls
            .await(
                admin.describeTopics(List.of(topic)).allTopicNames(),
                deadline,
                "describing topic " + topic)
            .get(topic);
    Map<TopicPartition, OffsetSpec> request =
        description.partitions().stream()
            .collect(
                Collectors.toMap(
                    p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
    Map<TopicPartition, ListOffsetsResultInfo> ends =
        calls.await(
            admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all(),
            deadline,
            "reading end offsets of " + topic);
    return ends.entrySet().stream()
        .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> e.getValue().offset()));
  }

  /** The committed end offset of every partition of the typed topic. */
  public Map<TopicPartition, Long> endOffsets(Topic<?, ?> topic) {
    return endOffsets(topic.name());
  }

  /** Closes the admin connection without waiting for lookups still in flight. */
  @Override
  public void close() {
    admin.close(Duration.ZERO);
  }
}
