package dev.harbor.platform.mirror;

import dev.harbor.platform.kafka.KafkaSettings;
import dev.harbor.schemas.topics.Topic;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local, queryable copy of one or more compacted topics: a Kafka Streams application made only of
 * global stores (RocksDB, kept under the state directory, so a restart resumes from its checkpoint).
 * Each store tells a {@link MirrorListener} about every value it holds, which lets callers keep an
 * in-memory index beside the store.
 *
 * <p>The mirror is ready once Kafka Streams is RUNNING, which for global stores means each topic was
 * read to the end offsets it had at start. {@link #awaitApplied} gives read-your-writes: a writer
 * waits until the offsets it produced have been applied here.
 */
public final class TopicMirror implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TopicMirror.class);

  private final KafkaStreams streams;
  private final Map<TopicPartition, Long> applied = new ConcurrentHashMap<>();
  private final Object appliedSignal = new Object();
  private final CountDownLatch running = new CountDownLatch(1);

  private TopicMirror(Builder builder) {
    StreamsBuilder streamsBuilder = new StreamsBuilder();
    for (Binding<?> binding : builder.bindings) {
      binding.addTo(streamsBuilder, this);
    }
    Topology topology = streamsBuilder.build();
    LOG.debug("mirror {} topology: {}", builder.applicationId, topology.describe());
    Map<String, Object> props =
        new java.util.HashMap<>(builder.settings.streamsProps(builder.applicationId, builder.stateDir));
    props.put(
        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        LogAndContinueExceptionHandler.class);
    props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
    // Global stores restore one partition after another; at the broker's default fetch wait each
    // partition end costs half a second of idling (docs/benchmarks.md).
    props.put(StreamsConfig.globalConsumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG), 50);
    this.streams = new KafkaStreams(topology, new StreamsConfig(props));
  }

  public static Builder builder(String applicationId, KafkaSettings settings, Path stateDir) {
    return new Builder(applicationId, settings, stateDir);
  }

  public TopicMirror start() {
    streams.setStateListener(
        (now, before) -> {
          if (now == KafkaStreams.State.RUNNING) {
            running.countDown();
          } else if (now == KafkaStreams.State.ERROR) {
            LOG.error("mirror stopped with an error (state {} after {})", now, before);
          }
        });
    streams.start();
    return this;
  }

  /** Waits until {@link #ready()}; false when the timeout passed first. */
  public boolean awaitReady(Duration timeout) throws InterruptedException {
    return running.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** True once every mirrored topic has been read to the end offsets it had at start. */
  public boolean ready() {
    return streams.state() == KafkaStreams.State.RUNNING;
  }

  public KafkaStreams.State state() {
    return streams.state();
  }

  /** Reads one key, or empty when absent or when the store is not queryable yet. */
  public <V> Optional<V> get(String storeName, String key) {
    try {
      ReadOnlyKeyValueStore<String, V> store =
          streams.store(
              StoreQueryParameters.fromNameAndType(storeName, QueryableStoreTypes.keyValueStore()));
      return Optional.ofNullable(store.get(key));
    } catch (InvalidStateStoreException e) {
      return Optional.empty();
    }
  }

  /**
   * Waits until every given partition has been applied at least up to the given offset (inclusive).
   *
   * @return true when applied in time
   */
  public boolean awaitApplied(Map<TopicPartition, Long> offsets, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (appliedSignal) {
      while (!allApplied(offsets)) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(appliedSignal, left);
      }
      return true;
    }
  }

  private boolean allApplied(Map<TopicPartition, Long> offsets) {
    return offsets.entrySet().stream()
        .allMatch(e -> applied.getOrDefault(e.getKey(), -1L) >= e.getValue());
  }

  private void markApplied(String topic, int partition, long offset) {
    applied.merge(new TopicPartition(topic, partition), offset, Math::max);
    synchronized (appliedSignal) {
      appliedSignal.notifyAll();
    }
  }

  @Override
  public void close() {
    streams.close(Duration.ofSeconds(30));
  }

  /** Collects the topics to mirror before the Kafka Streams application is built. */
  public static final class Builder {
    private final String applicationId;
    private final KafkaSettings settings;
    private final Path stateDir;
    private final List<Binding<?>> bindings = new ArrayList<>();

    private Builder(String applicationId, KafkaSettings settings, Path stateDir) {
      this.applicationId = applicationId;
      this.settings = settings;
      this.stateDir = stateDir;
    }

    public <V> Builder mirror(Topic<String, V> topic, String storeName, MirrorListener<V> listener) {
      bindings.add(new Binding<>(topic, storeName, listener));
      return this;
    }

    public TopicMirror build() {
      return new TopicMirror(this);
    }
  }

  private record Binding<V>(Topic<String, V> topic, String storeName, MirrorListener<V> listener) {

    void addTo(StreamsBuilder builder, TopicMirror mirror) {
      builder.addGlobalStore(
          Stores.keyValueStoreBuilder(
                  Stores.persistentKeyValueStore(storeName), Serdes.String(), topic.valueSerde())
              .withLoggingDisabled(),
          topic.name(),
          Consumed.with(topic.keySerde(), topic.valueSerde()).withName(storeName + "-source"),
          () -> new StoreUpdater<>(storeName, listener, mirror));
    }
  }

  /** Applies each record to its store and tells the listener; runs on the global stream thread. */
  private static final class StoreUpdater<V> implements Processor<String, V, Void, Void> {
    private final String storeName;
    private final MirrorListener<V> listener;
    private final TopicMirror mirror;
    private ProcessorContext<Void, Void> context;
    private KeyValueStore<String, V> store;

    StoreUpdater(String storeName, MirrorListener<V> listener, TopicMirror mirror) {
      this.storeName = storeName;
      this.listener = listener;
      this.mirror = mirror;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
      this.context = context;
      this.store = context.getStateStore(storeName);
      try (KeyValueIterator<String, V> all = store.all()) {
        all.forEachRemaining(kv -> listener.upsert(kv.key, kv.value));
      }
    }

    @Override
    public void process(Record<String, V> record) {
      if (record.key() == null) {
        return;
      }
      if (record.value() == null) {
        store.delete(record.key());
        listener.remove(record.key());
      } else {
        store.put(record.key(), record.value());
        listener.upsert(record.key(), record.value());
      }
      context
          .recordMetadata()
          .ifPresent(m -> mirror.markApplied(m.topic(), m.partition(), m.offset()));
    }
  }
}
