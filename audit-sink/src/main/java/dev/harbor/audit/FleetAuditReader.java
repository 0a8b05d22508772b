package dev.harbor.audit;

import dev.harbor.platform.kafka.KafkaSettings;
import dev.harbor.schemas.audit.AuditEvent;
import dev.harbor.schemas.json.JsonSerde;
import dev.harbor.schemas.topics.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the audit trail of every node on the cluster at once: a plain consumer in its own group,
 * subscribed to {@link Topics#ALL_NODE_AUDIT}, reading committed events only (the policy stream
 * writes audit in transactions). Topics of nodes added later are picked up at the next metadata
 * refresh. A record that does not decode is logged and skipped. Offsets are committed after each
 * handled batch, so a restarted reader in the same group continues where it stopped (events of the
 * last batch may be seen again; event ids tell repeats apart).
 *
 * <p>Meant as a small example for integrations; it is not thread-safe, like the consumer it wraps.
 */
public final class FleetAuditReader implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(FleetAuditReader.class);

  private final KafkaConsumer<String, AuditEvent> consumer;

  /**
   * @param groupId the consumer group that keeps this reader's position
   * @param metadataRefresh how soon topics of new nodes are noticed ({@code metadata.max.age.ms})
   */
  public FleetAuditReader(KafkaSettings settings, String groupId, Duration metadataRefresh) {
    Map<String, Object> props = new HashMap<>(settings.consumerProps("harbor-fleet-audit", groupId));
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, (int) metadataRefresh.toMillis());
    this.consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), JsonSerde.of(AuditEvent.class).deserializer());
    consumer.subscribe(Topics.ALL_NODE_AUDIT);
  }

  /**
   * Waits up to {@code timeout} for events and hands each to {@code handler} with the topic it
   * came from, then commits their offsets.
   *
   * @return how many events were handled
   */
  public int poll(Duration timeout, BiConsumer<String, AuditEvent> handler) {
    int handled = 0;
    try {
      for (ConsumerRecord<String, AuditEvent> record : consumer.poll(timeout)) {
        if (record.value() != null) {
          handler.accept(record.topic(), record.value());
          handled++;
        }
      }
    } catch (RecordDeserializationException e) {
      LOG.warn("skipping undecodable audit record at {} offset {}: {}",
          e.topicPartition(), e.offset(), e.getMessage());
      consumer.seek(e.topicPartition(), e.offset() + 1);
    }
    if (handled > 0) {
      consumer.commitSync();
    }
    return handled;
  }

  @Override
  public void close() {
    consumer.close();
  }
}
