package dev.harbor.audit;

import dev.harbor.platform.kafka.KafkaSettings;
import dev.harbor.schemas.audit.AuditEvent;
import dev.harbor.schemas.topics.Topic;
import dev.harbor.schemas.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Seeds a node's audit topic the way its writer does: key {@link AuditEvent#subject()}, JSON value.
 * One request in flight at a time: right after a topic is created, a first batch refused with
 * NOT_LEADER_OR_FOLLOWER would otherwise be overtaken by later ones and then rejected forever as
 * out of sequence.
 */
public final class AuditTopicWriter {

  private AuditTopicWriter() {}

  /** Producer settings for seeding: idempotent, batched, one request in flight. */
  public static Map<String, Object> producerProps(KafkaSettings settings, String clientId) {
    Map<String, Object> props = new HashMap<>(settings.producerProps(clientId));
    props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    return props;
  }

  /** Writes the events and returns the last offset written per partition. */
  public static Map<TopicPartition, Long> write(KafkaSettings settings, String nodeId, List<AuditEvent> events) {
    Topic<String, AuditEvent> topic = Topics.audit(nodeId);
    try (KafkaProducer<String, AuditEvent> producer =
        new KafkaProducer<>(producerProps(settings, "audit-test-writer"), topic.keySerde().serializer(), topic.valueSerde().serializer())) {
      List<Future<RecordMetadata>> sent = new ArrayList<>(events.size());
      for (AuditEvent event : events) {
        sent.add(producer.send(new ProducerRecord<>(topic.name(), event.subject(), event)));
      }
      return lastOffsets(sent);
    }
  }

  /** Writes raw values under the given keys, for records no Harbor writer would produce. */
  public static Map<TopicPartition, Long> writeRaw(KafkaSettings settings, String nodeId, Map<String, String> keyToJson) {
    String topic = Topics.audit(nodeId).name();
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(producerProps(settings, "audit-test-raw"), new ByteArraySerializer(), new ByteArraySerializer())) {
      List<Future<RecordMetadata>> sent = new ArrayList<>();
      keyToJson.forEach((key, json) -> sent.add(producer.send(new ProducerRecord<>(
          topic, key.getBytes(StandardCharsets.UTF_8), json.getBytes(StandardCharsets.UTF_8)))));
      return lastOffsets(sent);
    }
  }

  private static Map<TopicPartition, Long> lastOffsets(List<Future<RecordMetadata>> sent) {
    Map<TopicPartition, Long> last = new HashMap<>();
    try {
      for (Future<RecordMetadata> future : sent) {
        RecordMetadata metadata = future.get();
        last.merge(new TopicPartition(metadata.topic(), metadata.partition()), metadata.offset(), Math::max);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
    return last;
  }
}
