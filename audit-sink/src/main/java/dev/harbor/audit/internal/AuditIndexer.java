package dev.harbor.audit.internal;

import dev.harbor.schemas.audit.AuditEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Feeds the audit store from the audit topic: per event one entry holding the event, one index
 * entry per {@link IndexField} the event has a value for, and the matching counters, all written
 * in one batch. An event already stored (the same id and time delivered again) changes nothing, so
 * re-reading part of the topic after a restart is harmless.
 *
 * <p>Kafka Streams also runs this processor while it restores the global store, so a store rebuilt
 * from offset 0 gets the same entries as one that followed the topic live. Such a load cannot be
 * interrupted from outside; when {@code stopRequested} turns true the indexer throws, which ends it.
 */
public final class AuditIndexer implements Processor<String, AuditEvent, Void, Void> {

  private static final byte[] EMPTY = new byte[0];
  private static final int COUNTER_CACHE_SIZE = 50_000;

  private final String storeName;
  private final AppliedOffsets applied;
  private final BooleanSupplier stopRequested;
  private final Map<Bytes, Long> counters = new LinkedHashMap<>(1024, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Bytes, Long> eldest) {
      return size() > COUNTER_CACHE_SIZE;
    }
  };
  private ProcessorContext<Void, Void> context;
  private KeyValueStore<Bytes, byte[]> store;

  public AuditIndexer(String storeName, AppliedOffsets applied, BooleanSupplier stopRequested) {
    this.storeName = storeName;
    this.applied = applied;
    this.stopRequested = stopRequested;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    this.context = context;
    this.store = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<String, AuditEvent> record) {
    if (stopRequested.getAsBoolean()) {
      throw new IllegalStateException("audit store is closing; loading stopped");
    }
    AuditEvent event = record.value();
    if (event != null) {
      index(event);
    }
    context.recordMetadata().ifPresent(m -> applied.mark(m.topic(), m.partition(), m.offset()));
  }

  private void index(AuditEvent event) {
    byte[] suffix = AuditKeys.suffix(event.at(), event.id());
    Bytes eventKey = AuditKeys.event(suffix);
    if (store.get(eventKey) != null) {
      return;
    }
    List<KeyValue<Bytes, byte[]>> batch = new ArrayList<>(2 * IndexField.values().length + 2);
    batch.add(KeyValue.pair(eventKey, EventCodec.encode(event)));
    for (IndexField field : IndexField.values()) {
      String value = field.valueOf(event);
      if (value != null) {
        batch.add(KeyValue.pair(AuditKeys.index(field, value, suffix), EMPTY));
        batch.add(increment(AuditKeys.count(field, value)));
      }
    }
    batch.add(increment(AuditKeys.total()));
    store.putAll(batch);
  }

  private KeyValue<Bytes, byte[]> increment(Bytes counterKey) {
    Long current = counters.get(counterKey);
    long next = (current != null ? current : AuditKeys.countValue(store.get(counterKey))) + 1;
    counters.put(counterKey, next);
    return KeyValue.pair(counterKey, AuditKeys.countBytes(next));
  }
}
