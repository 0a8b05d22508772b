package dev.harbor.node.catalog;

import dev.harbor.node.NodeConfig;
import dev.harbor.node.identity.Caller;
import dev.harbor.platform.http.BadRequestException;
import dev.harbor.platform.http.NotFoundException;
import dev.harbor.platform.kafka.KafkaSettings;
import dev.harbor.schemas.audit.AuditEvent;
import dev.harbor.schemas.audit.AuditEventType;
import dev.harbor.schemas.node.CatalogEntryState;
import dev.harbor.schemas.topics.Topic;
import dev.harbor.schemas.topics.Topics;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Enables and disables catalog entries on this node. Each change writes the new state to the node's
 * compacted catalog-state topic and its audit event to the audit topic in one Kafka transaction, then
 * waits until the node's own mirror shows it, so the answer and the next read agree. Asking for the
 * state an entry already has writes nothing.
 */
@Singleton
@Requires(env = "node")
public class CatalogStateService {

  public static final int MAX_REASON = 500;
  private static final Pattern REASON = Pattern.compile("[^\\p{Cntrl}]*");
  private static final Duration APPLY_TIMEOUT = Duration.ofSeconds(30);

  private final NodeCatalog catalog;
  private final String nodeId;
  private final Topic<String, CatalogEntryState> stateTopic;
  private final Topic<String, AuditEvent> auditTopic;
  private final KafkaProducer<byte[], byte[]> producer;
  private final Clock clock = Clock.systemUTC();

  CatalogStateService(NodeCatalog catalog, NodeConfig node, KafkaSettings settings) {
    this.catalog = catalog;
    this.nodeId = node.getId();
    this.stateTopic = Topics.catalogState(nodeId);
    this.auditTopic = Topics.audit(nodeId);
    Map<String, Object> props = new HashMap<>(settings.producerProps("harbor-node-" + nodeId + "-state"));
    props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "harbor-node-" + nodeId + "-catalog-state");
    this.producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    this.producer.initTransactions();
  }

  public NodeCatalogItem enable(String catalogId, Caller caller) {
    return change(catalogId, true, null, caller);
  }

  public NodeCatalogItem disable(String catalogId, @Nullable String reason, Caller caller) {
    return change(catalogId, false, reason, caller);
  }

  private synchronized NodeCatalogItem change(
      String catalogId, boolean enabled, @Nullable String reason, Caller caller) {
    String checkedReason = checkReason(reason);
    NodeCatalogItem item =
        catalog
            .get(catalogId)
            .orElseThrow(() -> new NotFoundException("catalog entry '" + catalogId + "' not found"));
    LocalState now = item.local();
    if (now.enabled() == enabled && Objects.equals(now.reason(), checkedReason)) {
      return item;
    }
    CatalogEntryState state =
        new CatalogEntryState(
            catalogId, enabled, checkedReason, caller.actor(), clock.instant(), item.entry().updatedAt());
    AuditEvent audit =
        new AuditEvent(
            UUID.randomUUID().toString(),
            nodeId,
            enabled ? AuditEventType.ENTRY_ENABLED : AuditEventType.ENTRY_DISABLED,
            state.changedAt(),
            caller.actor(),
            catalogId,
            null,
            "catalog entry " + catalogId + (enabled ? " enabled" : " disabled") + " by " + caller.name(),
            checkedReason == null ? Map.of() : Map.of("reason", checkedReason));
    RecordMetadata written = writeAtomically(state, audit);
    awaitMirror(written);
    return catalog.get(catalogId).orElse(item);
  }

  private RecordMetadata writeAtomically(CatalogEntryState state, AuditEvent audit) {
    producer.beginTransaction();
    try {
      Future<RecordMetadata> stateWrite =
          producer.send(
              new ProducerRecord<>(
                  stateTopic.name(),
                  stateTopic.keySerde().serializer().serialize(stateTopic.name(), state.catalogId()),
                  stateTopic.valueSerde().serializer().serialize(stateTopic.name(), state)));
      producer.send(
          new ProducerRecord<>(
              auditTopic.name(),
              auditTopic.keySerde().serializer().serialize(auditTopic.name(), state.catalogId()),
              auditTopic.valueSerde().serializer().serialize(auditTopic.name(), audit)));
      producer.commitTransaction();
      return stateWrite.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("writing the catalog state failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing the catalog state", e);
    } catch (RuntimeException e) {
      producer.abortTransaction();
      throw e;
    }
  }

  private void awaitMirror(RecordMetadata written) {
    try {
      boolean applied =
          catalog.awaitApplied(
              Map.of(new TopicPartition(written.topic(), written.partition()), written.offset()),
              APPLY_TIMEOUT);
      if (!applied) {
        throw new IllegalStateException("the node mirror did not apply the change within " + APPLY_TIMEOUT);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the node mirror", e);
    }
  }

  private static String checkReason(@Nullable String reason) {
    if (reason == null || reason.isBlank()) {
      return null;
    }
    if (reason.length() > MAX_REASON) {
      throw new BadRequestException("reason", "longer than " + MAX_REASON + " characters");
    }
    if (!REASON.matcher(reason).matches()) {
      throw new BadRequestException("reason", "must not contain control characters");
    }
    return reason.strip();
  }

  @PreDestroy
  void close() {
    producer.close(Duration.ofSeconds(10));
  }
}
