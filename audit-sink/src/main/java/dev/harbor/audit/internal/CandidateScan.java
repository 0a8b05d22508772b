package dev.harbor.audit.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Walks the keys under one or more prefixes of the audit store, restricted to a time range, and
 * yields their event suffixes newest first. Several prefixes (one per event type asked for) are
 * merged by suffix, which is the same order every prefix is sorted in. Holds open store iterators:
 * always close it.
 */
final class CandidateScan implements AutoCloseable {

  private final List<Source> sources = new ArrayList<>();
  private final PriorityQueue<Source> heads =
      new PriorityQueue<>((a, b) -> Arrays.compareUnsigned(a.suffix, b.suffix));
  private Source current;

  private CandidateScan() {}

  /** Opens a scan over every prefix, for events at or after {@code from} and before {@code to}. */
  static CandidateScan open(
      ReadOnlyKeyValueStore<Bytes, byte[]> store, List<byte[]> prefixes, Instant from, Instant to) {
    CandidateScan scan = new CandidateScan();
    try {
      for (byte[] prefix : prefixes) {
        Source source =
            new Source(
                store.range(AuditKeys.scanStart(prefix, to), AuditKeys.scanEnd(prefix, from)),
                prefix.length);
        scan.sources.add(source);
        if (source.advance()) {
          scan.heads.add(source);
        }
      }
    } catch (RuntimeException e) {
      scan.close();
      throw e;
    }
    return scan;
  }

  /** Moves to the next candidate; false when there is none. */
  boolean next() {
    if (current != null && current.advance()) {
      heads.add(current);
    }
    current = heads.poll();
    return current != null;
  }

  /** The suffix (inverted time and id) of the current candidate. */
  byte[] suffix() {
    return current.suffix;
  }

  /** The value stored under the current key: the encoded event when scanning events. */
  byte[] value() {
    return current.value;
  }

  @Override
  public void close() {
    RuntimeException failure = null;
    for (Source source : sources) {
      try {
        source.iterator.close();
      } catch (RuntimeException e) {
        failure = failure == null ? e : failure;
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  private static final class Source {
    final KeyValueIterator<Bytes, byte[]> iterator;
    final int prefixLength;
    byte[] suffix;
    byte[] value;

    Source(KeyValueIterator<Bytes, byte[]> iterator, int prefixLength) {
      this.iterator = iterator;
      this.prefixLength = prefixLength;
    }

    boolean advance() {
      if (!iterator.hasNext()) {
        return false;
      }
      KeyValue<Bytes, byte[]> next = iterator.next();
      byte[] key = next.key.get();
      suffix = Arrays.copyOfRange(key, prefixLength, key.length);
      value = next.value;
      return true;
    }
  }
}
