package dev.harbor.launcher;

import dev.harbor.schemas.instance.Instance;
import dev.harbor.schemas.launch.LaunchOrder;
import dev.harbor.schemas.topics.Topic;
import dev.harbor.schemas.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's launcher loop, on one thread: read the instances and orders topics from the start
 * (read-committed, no consumer group: every launcher start sees the whole desired state), and run a
 * {@link Reconciler} pass after every batch that changed something and at least every {@link
 * LauncherSettings#reconcileInterval()}. While Docker is unreachable, passes keep failing with that
 * reason and the loop keeps trying; once the engine is back, the next pass catches up.
 */
public final class NodeLauncher implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(NodeLauncher.class);
  private static final Duration POLL = Duration.ofMillis(200);

  private final Consumer<String, Object> consumer;
  private final Reconciler reconciler;
  private final LauncherSettings settings;
  private final DesiredState desired = new DesiredState();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final CountDownLatch firstPass = new CountDownLatch(1);
  private final Thread thread;
  private volatile String lastProblem;

  public NodeLauncher(Consumer<String, Object> consumer, Reconciler reconciler, LauncherSettings settings) {
    this.consumer = consumer;
    this.reconciler = reconciler;
    this.settings = settings;
    this.thread = new Thread(this::run, "harbor-launcher-" + settings.nodeId());
    this.thread.setDaemon(true);
  }

  /** Starts the loop on its own thread. */
  public NodeLauncher start() {
    thread.start();
    return this;
  }

  /** True once the desired state was read and one full pass completed. */
  public boolean awaitFirstPass(Duration timeout) throws InterruptedException {
    return firstPass.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Why the last pass failed, or null when it did not. */
  public String lastProblem() {
    return lastProblem;
  }

  public DesiredState desired() {
    return desired;
  }

  private void run() {
    try {
      Map<TopicPartition, Long> ends = assign();
      Instant nextPass = Instant.EPOCH;
      boolean dirty = true;
      while (running.get()) {
        ConsumerRecords<String, Object> records = consumer.poll(POLL);
        for (ConsumerRecord<String, Object> record : records) {
          if (record.value() instanceof Instance instance) {
            desired.put(instance);
            dirty = true;
          } else if (record.value() instanceof LaunchOrder order) {
            desired.put(order);
            dirty = true;
          }
        }
        if (!desired.caughtUp() && caughtUp(ends)) {
          desired.markCaughtUp();
          dirty = true;
        }
        if (desired.caughtUp() && (dirty || Instant.now().isAfter(nextPass))) {
          dirty = false;
          nextPass = Instant.now().plus(settings.reconcileInterval());
          pass();
        }
      }
    } catch (WakeupException closing) {
      // close() asked the loop to stop
    } catch (RuntimeException e) {
      LOG.error("launcher of node {} stopped", settings.nodeId(), e);
    } finally {
      consumer.close();
      stopped.countDown();
    }
  }

  private void pass() {
    try {
      reconciler.pass(desired);
      if (lastProblem != null) {
        LOG.info("launcher of node {} works again", settings.nodeId());
      }
      lastProblem = null;
      firstPass.countDown();
    } catch (LaunchFailure e) {
      if (!e.getMessage().equals(lastProblem)) {
        LOG.warn("launcher of node {}: {}", settings.nodeId(), e.getMessage());
      }
      lastProblem = e.getMessage();
      if (e.getMessage().startsWith("Docker is unreachable")) {
        reconciler.engineUnreachable(desired, "the Docker engine is unreachable");
      }
    }
  }

  private Map<TopicPartition, Long> assign() {
    List<TopicPartition> partitions = new ArrayList<>();
    for (Topic<?, ?> topic : List.of(Topics.instances(settings.nodeId()), Topics.orders(settings.nodeId()))) {
      List<PartitionInfo> infos = consumer.partitionsFor(topic.name());
      if (infos == null || infos.isEmpty()) {
        throw new IllegalStateException("topic " + topic.name() + " does not exist; the node provisions it at start");
      }
      infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
    }
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    return consumer.endOffsets(partitions);
  }

  private boolean caughtUp(Map<TopicPartition, Long> ends) {
    for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
      if (consumer.position(end.getKey()) < end.getValue()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void close() {
    running.set(false);
    consumer.wakeup();
    try {
      if (!stopped.await(30, TimeUnit.SECONDS)) {
        LOG.warn("launcher of node {} did not stop within 30 s", settings.nodeId());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
