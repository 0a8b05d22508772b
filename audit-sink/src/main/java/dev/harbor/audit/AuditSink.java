package dev.harbor.audit;

import dev.harbor.audit.internal.AuditSearch;
import dev.harbor.audit.internal.EventCodec;
import dev.harbor.audit.internal.Generation;
import dev.harbor.audit.internal.StateLayout;
import dev.harbor.platform.http.NotReadyException;
import dev.harbor.platform.kafka.KafkaSettings;
import dev.harbor.schemas.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit store of one node: its audit topic, all partitions, as a local RocksDB store with
 * secondary indexes, kept under a state root directory and answering {@link AuditQuery}s.
 *
 * <p>The store lives in generations ({@link StateLayout}). {@link #start} reopens the current one,
 * which resumes from its committed offsets, or creates the first. {@link #replay} builds the next
 * generation from offset 0 beside the current one, switches queries over once it has caught up, and
 * deletes the old one. A query never runs against a generation that is being closed: queries hold a
 * read lock, and the switch takes the write lock.
 */
public final class AuditSink implements AuditStore, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(AuditSink.class);
  private static final String NOT_READY = "the audit trail is still loading; try again shortly";

  private final String nodeId;
  private final KafkaSettings settings;
  private final StateLayout layout;
  private final ReentrantReadWriteLock switchLock = new ReentrantReadWriteLock();
  private final ExecutorService switcher;

  private volatile Generation current;
  private Generation building;
  private CompletableFuture<Void> rebuild;
  private boolean started;
  private boolean closed;

  /**
   * A sink for the node's audit topic; nothing is read before {@link #start}.
   *
   * @param stateRoot the sink's own directory, for example {@code $HARBOR_HOME/nodes/<id>/audit-streams}
   */
  public AuditSink(String nodeId, KafkaSettings settings, Path stateRoot) {
    this.nodeId = Topics.requireNodeId(nodeId);
    this.settings = settings;
    this.layout = new StateLayout(stateRoot);
    this.switcher =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread thread = new Thread(r, "audit-sink-" + nodeId + "-switch");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Opens the current generation (or creates the first) and starts following the topic. */
  public synchronized AuditSink start() {
    if (started || closed) {
      throw new IllegalStateException("audit sink for node " + nodeId + " was already started or closed");
    }
    started = true;
    OptionalInt existing = layout.current(EventCodec.FORMAT);
    int number = existing.isPresent() ? existing.getAsInt() : layout.highest() + 1;
    layout.removeAllExcept(number);
    layout.commit(number, EventCodec.FORMAT);
    Generation generation = new Generation(number, nodeId, settings, layout.dir(number));
    generation.start();
    switchTo(generation);
    LOG.info("audit store for node {} started ({} generation {})",
        nodeId, existing.isPresent() ? "reopened" : "new", number);
    return this;
  }

  /** Waits until {@link #ready()}; false when the timeout passed first or the store failed. */
  public boolean awaitReady(Duration timeout) throws InterruptedException {
    Generation generation = current;
    if (generation == null) {
      return false;
    }
    try {
      generation.running().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return ready();
    } catch (TimeoutException | ExecutionException e) {
      return false;
    }
  }

  /**
   * Waits until the store has applied every given offset of the audit topic (inclusive), for
   * read-your-writes after producing events.
   *
   * @return false when the timeout passed first or the sink is not running
   */
  public boolean awaitApplied(Map<TopicPartition, Long> offsets, Duration timeout) throws InterruptedException {
    Generation generation = current;
    return generation != null && generation.applied().await(offsets, timeout);
  }

  /** Records the answering generation has applied since this process opened it. */
  public long recordsApplied() {
    Generation generation = current;
    return generation == null ? 0 : generation.applied().records();
  }

  /** The number of the answering generation, 0 when none. */
  public int generation() {
    Generation generation = current;
    return generation == null ? 0 : generation.number();
  }

  @Override
  public boolean ready() {
    Generation generation = current;
    return generation != null && generation.ready();
  }

  @Override
  public AuditPage query(AuditQuery query) {
    switchLock.readLock().lock();
    try {
      Generation generation = current;
      if (generation == null || !generation.ready()) {
        throw new NotReadyException(NOT_READY);
      }
      return new AuditSearch(generation.store()).run(query);
    } catch (InvalidStateStoreException e) {
      throw new NotReadyException(NOT_READY);
    } finally {
      switchLock.readLock().unlock();
    }
  }

  @Override
  public synchronized CompletableFuture<Void> replay() {
    if (!started || closed) {
      return CompletableFuture.failedFuture(
          new IllegalStateException("audit sink for node " + nodeId + " is not running"));
    }
    if (rebuild != null && !rebuild.isDone()) {
      return rebuild;
    }
    int number = Math.max(current.number(), layout.highest()) + 1;
    layout.remove(number);
    Generation fresh = new Generation(number, nodeId, settings, layout.dir(number));
    CompletableFuture<Void> done = new CompletableFuture<>();
    building = fresh;
    rebuild = done;
    fresh.running().whenCompleteAsync((ignored, error) -> finishReplay(fresh, error, done), switcher);
    LOG.info("audit store for node {}: rebuilding from offset 0 as generation {}", nodeId, number);
    fresh.start();
    return done;
  }

  private void finishReplay(Generation fresh, Throwable error, CompletableFuture<Void> done) {
    Generation old;
    synchronized (this) {
      if (error != null || closed || building != fresh) {
        discard(fresh);
        done.completeExceptionally(error != null ? error : new IllegalStateException("audit sink closed during replay"));
        return;
      }
      building = null;
      try {
        layout.commit(fresh.number(), EventCodec.FORMAT);
      } catch (RuntimeException e) {
        discard(fresh);
        done.completeExceptionally(e);
        return;
      }
      old = switchTo(fresh);
    }
    LOG.info("audit store for node {}: generation {} answers now; removing generation {}",
        nodeId, fresh.number(), old.number());
    discard(old);
    done.complete(null);
  }

  /** Makes {@code next} the answering generation once no query runs; returns the previous one. */
  private Generation switchTo(Generation next) {
    switchLock.writeLock().lock();
    try {
      Generation previous = current;
      current = next;
      return previous;
    } finally {
      switchLock.writeLock().unlock();
    }
  }

  private void discard(Generation generation) {
    try {
      generation.closeAndDelete();
    } catch (RuntimeException e) {
      LOG.warn("audit store generation {} of node {} was not removed cleanly: {}",
          generation.number(), nodeId, e.toString());
    }
  }

  /** Stops reading and closes the store; a rebuild in progress is abandoned and removed. */
  @Override
  public void close() {
    Generation pending;
    Generation answering;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      pending = building;
      building = null;
      answering = switchTo(null);
    }
    if (pending != null) {
      discard(pending);
    }
    if (answering != null) {
      answering.close();
    }
    switcher.shutdown();
  }
}
