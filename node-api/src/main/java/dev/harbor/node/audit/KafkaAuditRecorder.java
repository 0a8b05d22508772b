package dev.harbor.node.audit;

import dev.harbor.node.NodeConfig;
import dev.harbor.platform.kafka.KafkaSettings;
import dev.harbor.schemas.audit.AuditEvent;
import dev.harbor.schemas.topics.Topic;
import dev.harbor.schemas.topics.Topics;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends audit events to the node's audit topic, keyed by {@link AuditEvent#subject()}. Sends without waiting; a failed write is logged with the event type and id.
 */
@Singleton
@Requires(env = "node")
class KafkaAuditRecorder implements AuditRecorder {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaAuditRecorder.class);

  private final Topic<String, AuditEvent> topic;
  private final KafkaProducer<String, AuditEvent> producer;

  KafkaAuditRecorder(NodeConfig node, KafkaSettings settings) {
    this.topic = Topics.audit(node.getId());
    this.producer =
        new KafkaProducer<>(
            settings.producerProps("harbor-node-" + node.getId() + "-audit"),
            topic.keySerde().serializer(),
            topic.valueSerde().serializer());
  }

  @Override
  public void record(AuditEvent event) {
    producer.send(
        new ProducerRecord<>(topic.name(), event.subject(), event),
        (metadata, error) -> {
          if (error != null) {
            LOG.error("audit event {} ({}) was not written: {}", event.id(), event.type(), error.getMessage());
          }
        });
  }

  @PreDestroy
  void close() {
    producer.close(Duration.ofSeconds(10));
  }
}
