package dev.harbor.audit.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.TopicPartition;

/**
 * How far one generation of the audit store has read its topic, as offsets applied per partition,
 * and how many records it applied since it started. Written by the indexer's thread, read by any.
 */
public final class AppliedOffsets {

  private final Map<TopicPartition, Long> applied = new ConcurrentHashMap<>();
  private final AtomicLong records = new AtomicLong();
  private final Object signal = new Object();

  /** Notes that the record at {@code offset} of the partition has been applied. */
  public void mark(String topic, int partition, long offset) {
    applied.merge(new TopicPartition(topic, partition), offset, Math::max);
    records.incrementAndGet();
    synchronized (signal) {
      signal.notifyAll();
    }
  }

  /** Records applied since this generation started (duplicates and skipped records included). */
  public long records() {
    return records.get();
  }

  /**
   * Waits until every partition has been applied at least up to its given offset (inclusive).
   *
   * @return false when the timeout passed first
   */
  public boolean await(Map<TopicPartition, Long> offsets, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (signal) {
      while (!reached(offsets)) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(signal, left);
      }
      return true;
    }
  }

  private boolean reached(Map<TopicPartition, Long> offsets) {
    return offsets.entrySet().stream()
        .allMatch(e -> applied.getOrDefault(e.getKey(), -1L) >= e.getValue());
  }
}
