package dev.harbor.hub;

import dev.harbor.hub.importer.ImportBatch;
import dev.harbor.platform.catalog.CatalogIndex;
import dev.harbor.platform.kafka.KafkaSettings;
import dev.harbor.platform.mirror.TopicMirror;
import dev.harbor.schemas.catalog.CatalogEntry;
import dev.harbor.schemas.topics.Topic;
import dev.harbor.schemas.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Publishes import batches to the compacted catalog topic, writing only the difference from what the
 * catalog already holds: new and changed entries, and a tombstone for each entry that a complete
 * batch no longer contains (only entries of the same source format and origin). Re-importing the same
 * data writes nothing. Waits until its own catalog view has applied what it wrote, so the next import
 * compares against it.
 */
public final class CatalogPublisher implements AutoCloseable {

  private static final Topic<String, CatalogEntry> TOPIC = Topics.CATALOG;
  private static final Duration APPLY_TIMEOUT = Duration.ofSeconds(60);

  private final CatalogIndex current;
  private final TopicMirror view;
  private final KafkaProducer<String, CatalogEntry> producer;
  private final Clock clock;

  public CatalogPublisher(CatalogIndex current, TopicMirror view, KafkaSettings settings, Clock clock) {
    this.current = current;
    this.view = view;
    this.clock = clock;
    this.producer =
        new KafkaProducer<>(
            settings.producerProps("harbor-hub-publisher"),
            TOPIC.keySerde().serializer(),
            TOPIC.valueSerde().serializer());
  }

  public synchronized ImportReport publish(ImportBatch batch) {
    Instant now = clock.instant();
    List<ProducerRecord<String, CatalogEntry>> changes = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int imported = 0;
    int updated = 0;
    int unchanged = 0;
    for (CatalogEntry entry : batch.entries()) {
      seen.add(entry.id());
      CatalogEntry existing = current.get(entry.id()).orElse(null);
      if (existing == null) {
        imported++;
        changes.add(new ProducerRecord<>(TOPIC.name(), entry.id(), entry));
      } else if (!existing.sameContentAs(entry)) {
        updated++;
        changes.add(
            new ProducerRecord<>(
                TOPIC.name(), entry.id(), entry.withTimestamps(existing.createdAt(), now)));
      } else {
        unchanged++;
      }
    }
    int removed = 0;
    if (batch.complete()) {
      for (CatalogEntry existing : current.all()) {
        if (!seen.contains(existing.id())
            && existing.source().format() == batch.format()
            && existing.source().origin().equals(batch.origin())) {
          removed++;
          changes.add(new ProducerRecord<>(TOPIC.name(), existing.id(), null));
        }
      }
    }
    send(changes);
    return new ImportReport(
        batch.format(), batch.origin(), imported, updated, unchanged, removed, batch.skipped());
  }

  private void send(List<ProducerRecord<String, CatalogEntry>> changes) {
    if (changes.isEmpty()) {
      return;
    }
    List<Future<RecordMetadata>> sent = new ArrayList<>(changes.size());
    for (ProducerRecord<String, CatalogEntry> change : changes) {
      sent.add(producer.send(change));
    }
    producer.flush();
    Map<TopicPartition, Long> last = new HashMap<>();
    try {
      for (Future<RecordMetadata> future : sent) {
        RecordMetadata metadata = future.get();
        last.merge(
            new TopicPartition(metadata.topic(), metadata.partition()), metadata.offset(), Math::max);
      }
      if (!view.awaitApplied(last, APPLY_TIMEOUT)) {
        throw new IllegalStateException(
            "catalog view did not apply the published entries within " + APPLY_TIMEOUT);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while publishing the catalog", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("publishing to " + TOPIC.name() + " failed", e.getCause());
    }
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(10));
  }
}
