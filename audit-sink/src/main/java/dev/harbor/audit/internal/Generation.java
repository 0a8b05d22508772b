package dev.harbor.audit.internal;

import dev.harbor.platform.kafka.KafkaSettings;
import dev.harbor.schemas.audit.AuditEvent;
import dev.harbor.schemas.topics.Topic;
import dev.harbor.schemas.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One generation of the audit store: its own Kafka Streams application (application id ending in
 * {@code -g<number>}) with its own state directory. A new generation reads the audit topic from
 * offset 0; a generation reopened on its directory resumes from its committed offsets.
 *
 * <p>{@link KafkaStreams#start()} returns only once the global store has been loaded, so it runs on
 * a thread of its own. Closing during that load stops it at the next record (what it applied stays
 * and is recognised when the generation is opened again) and waits, at most {@value #CLOSE_SECONDS}
 * seconds, for the loading thread to close the store; past that the loading thread closes it (and
 * deletes its state, if asked) on its own.
 */
public final class Generation implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Generation.class);
  private static final int CLOSE_SECONDS = 30;
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(CLOSE_SECONDS);

  private final int number;
  private final String applicationId;
  private final AppliedOffsets applied = new AppliedOffsets();
  private final CompletableFuture<Void> running = new CompletableFuture<>();
  private final KafkaStreams streams;
  private final Path stateDir;
  private final Object lifecycle = new Object();
  private boolean starting;
  private boolean closeRequested;
  private boolean deleteOnClose;
  private volatile boolean stopLoading;
  private final CountDownLatch loaded = new CountDownLatch(1);

  public Generation(int number, String nodeId, KafkaSettings settings, Path stateDir) {
    this.number = number;
    this.stateDir = stateDir;
    this.applicationId = "harbor-node-" + nodeId + "-audit-g" + number;
    Topic<String, AuditEvent> topic = Topics.audit(nodeId);
    Map<String, Object> props = new HashMap<>(settings.streamsProps(applicationId, stateDir));
    props.put(
        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
    props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, AuditRocksDbConfig.class);
    // The global consumer reads partition after partition while restoring; at the broker's default
    // fetch wait each partition end would cost half a second of idling.
    props.put(StreamsConfig.globalConsumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG), 50);
    this.streams = new KafkaStreams(AuditTopology.build(topic, applied, () -> stopLoading), new StreamsConfig(props));
  }

  public int number() {
    return number;
  }

  /** Starts loading in the background; {@link #running()} completes once the topic has been read to its end. */
  public void start() {
    streams.setStateListener(
        (now, before) -> {
          if (now == KafkaStreams.State.RUNNING) {
            running.complete(null);
          } else if (now == KafkaStreams.State.ERROR) {
            LOG.error("audit store {} stopped with an error (after {})", applicationId, before);
            running.completeExceptionally(new IllegalStateException("audit store " + applicationId + " failed"));
          } else if (now == KafkaStreams.State.PENDING_SHUTDOWN || now == KafkaStreams.State.NOT_RUNNING) {
            running.completeExceptionally(
                new IllegalStateException("audit store " + applicationId + " was closed before it was ready"));
          }
        });
    synchronized (lifecycle) {
      if (closeRequested) {
        return;
      }
      starting = true;
    }
    Thread starter = new Thread(this::load, applicationId + "-load");
    starter.setDaemon(true);
    starter.start();
  }

  private void load() {
    try {
      streams.start();
    } catch (RuntimeException e) {
      if (stopLoading) {
        LOG.info("audit store {} was closed while loading", applicationId);
      } else {
        LOG.error("audit store {} failed to start", applicationId, e);
      }
      running.completeExceptionally(e);
    }
    try {
      boolean closeNow;
      boolean delete;
      synchronized (lifecycle) {
        starting = false;
        closeNow = closeRequested;
        delete = deleteOnClose;
      }
      if (closeNow) {
        shutdown(delete);
      }
    } finally {
      loaded.countDown();
    }
  }

  /** Completes once this generation first caught up with the topic; fails if it stopped before. */
  public CompletableFuture<Void> running() {
    return running;
  }

  /** True while the store can be queried. */
  public boolean ready() {
    return streams.state() == KafkaStreams.State.RUNNING;
  }

  /** The store, for reading. */
  public ReadOnlyKeyValueStore<Bytes, byte[]> store() {
    return streams.store(
        StoreQueryParameters.fromNameAndType(
            AuditTopology.STORE, QueryableStoreTypes.<Bytes, byte[]>keyValueStore()));
  }

  public AppliedOffsets applied() {
    return applied;
  }

  /** Closes the store, keeping its state for the next start. */
  @Override
  public void close() {
    close(false);
  }

  /** Closes the store and deletes its state directory. */
  public void closeAndDelete() {
    close(true);
  }

  private void close(boolean delete) {
    boolean stillLoading;
    synchronized (lifecycle) {
      closeRequested = true;
      deleteOnClose |= delete;
      stillLoading = starting;
    }
    running.completeExceptionally(new IllegalStateException("audit store " + applicationId + " was closed"));
    if (!stillLoading) {
      shutdown(delete);
      return;
    }
    stopLoading = true;
    try {
      if (!loaded.await(CLOSE_SECONDS, TimeUnit.SECONDS)) {
        LOG.warn("audit store {} is still loading; it will close once the load ends", applicationId);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void shutdown(boolean delete) {
    streams.close(CLOSE_TIMEOUT);
    if (delete) {
      StateLayout.deleteTree(stateDir);
    }
  }
}
