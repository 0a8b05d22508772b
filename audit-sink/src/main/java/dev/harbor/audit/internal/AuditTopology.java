package dev.harbor.audit.internal;

import dev.harbor.schemas.audit.AuditEvent;
import dev.harbor.schemas.topics.Topic;
import java.util.function.BooleanSupplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.state.Stores;

/**
 * The audit store's Kafka Streams topology: one global RocksDB key-value store over every
 * partition of the node's audit topic, filled by {@link AuditIndexer}. Global, because a query
 * merges all partitions; no changelog, because the audit topic itself is the store's source.
 */
public final class AuditTopology {

  /** The name of the store, in every generation. */
  public static final String STORE = "audit";

  private AuditTopology() {}

  /**
   * @param applied told about every record applied
   * @param stopRequested when it turns true, loading stops with an exception (see {@link AuditIndexer})
   */
  public static Topology build(
      Topic<String, AuditEvent> topic, AppliedOffsets applied, BooleanSupplier stopRequested) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.addGlobalStore(
        Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.Bytes(), Serdes.ByteArray())
            .withLoggingDisabled(),
        topic.name(),
        Consumed.with(topic.keySerde(), topic.valueSerde()).withName(STORE + "-source"),
        () -> new AuditIndexer(STORE, applied, stopRequested));
    return builder.build();
  }
}
