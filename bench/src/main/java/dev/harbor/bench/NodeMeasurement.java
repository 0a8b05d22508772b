package dev.harbor.bench;

import dev.harbor.platform.catalog.CatalogIndex;
import dev.harbor.platform.kafka.KafkaSettings;
import dev.harbor.platform.mirror.MirrorListener;
import dev.harbor.platform.mirror.TopicMirror;
import dev.harbor.schemas.catalog.CatalogEntry;
import dev.harbor.schemas.topics.Topic;
import dev.harbor.schemas.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * What a new Node sees on a catalog topic that is already filled: how long a fresh mirror takes to
 * catch up, next to a plain byte read of the same topic (the floor) and a typed read that decodes and
 * indexes without Kafka Streams; then search latency on the caught-up index. The reads alternate within
 * each run so that they share the same conditions; every mirror gets a new application id and state
 * directory, so none resumes from a checkpoint.
 */
final class NodeMeasurement {

  /**
   * The figures at one catalog size.
   *
   * @param entries entries in the mirror's index once ready
   * @param records records read from the topic by the plain read
   * @param bytes serialized bytes read by the plain read
   * @param plainRead plain {@code byte[]} read of the whole topic
   * @param typedRead read with the catalog serde into a fresh {@link CatalogIndex}
   * @param mirror new {@link TopicMirror} built, started and ready
   * @param shortFetchWait the same with the consumers' {@code fetch.max.wait.ms} at {@value
   *     #SHORT_FETCH_WAIT_MS}, to show how much of the catch-up is the wait at each partition's end
   * @param listenerUpserts upserts the index received while the mirror caught up
   * @param indexHeap heap still in use after a GC once the mirror is ready, less the heap before it
   * @param search search latency on the mirror's index
   */
  record Figures(
      int entries,
      long records,
      long bytes,
      Samples plainRead,
      Samples typedRead,
      Samples mirror,
      Samples shortFetchWait,
      long listenerUpserts,
      long indexHeap,
      SearchBench.Result search) {}

  private static final Topic<String, CatalogEntry> TOPIC = Topics.CATALOG;
  private static final String STORE = "bench-node-catalog";
  private static final Duration TIMEOUT = Duration.ofMinutes(3);
  static final int SHORT_FETCH_WAIT_MS = 50;

  private final KafkaSettings settings;
  private final KafkaSettings shortWait;
  private final Path stateRoot;
  private final int runs;

  NodeMeasurement(KafkaSettings settings, Path stateRoot, int runs) {
    this.settings = settings;
    Map<String, String> overrides = new HashMap<>(settings.clientOverrides());
    overrides.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, String.valueOf(SHORT_FETCH_WAIT_MS));
    this.shortWait =
        new KafkaSettings(
            settings.bootstrapServers(), settings.replicationFactor(), settings.minInsyncReplicas(),
            overrides);
    this.stateRoot = stateRoot;
    this.runs = runs;
  }

  Figures measure(String label, QueryMix mix, SearchBench search) throws InterruptedException {
    long[] plain = new long[runs];
    long[] typed = new long[runs];
    long[] mirrored = new long[runs];
    long[] shortWaits = new long[runs];
    long upserts = 0;
    TopicRead floor = null;
    TopicMirror mirror = null;
    CatalogIndex index = null;
    long indexHeap = 0;
    try {
      for (int run = 0; run < runs; run++) {
        Progress.say(label + ": catch-up run " + (run + 1) + " of " + runs);
        settle();
        floor =
            TopicRead.read(
                settings, TOPIC.name(), new ByteArrayDeserializer(), new ByteArrayDeserializer(),
                record -> {}, TIMEOUT);
        plain[run] = floor.nanos();

        settle();
        typed[run] = typedRead();

        settle();
        Started probe = start(shortWait, label + "-short-wait-" + run, new CatalogIndex());
        probe.mirror().close();
        shortWaits[run] = probe.nanos();

        if (mirror != null) {
          mirror.close();
          mirror = null;
        }
        index = new CatalogIndex();
        CountingListener<CatalogEntry> counting = new CountingListener<>(index);
        long heapBefore = settle();
        Started started = start(settings, label + "-node-" + run, counting);
        mirror = started.mirror();
        mirrored[run] = started.nanos();
        upserts = counting.upserts();
        indexHeap = settle() - heapBefore;
      }
      Progress.say(label + ": searching " + index.size() + " entries");
      SearchBench.Result latency = search.run(index, mix);
      return new Figures(
          index.size(), floor.records(), floor.bytes(), new Samples(plain), new Samples(typed),
          new Samples(mirrored), new Samples(shortWaits), upserts, indexHeap, latency);
    } finally {
      if (mirror != null) {
        mirror.close();
      }
    }
  }

  /** A mirror that is ready, and the time from building it to ready. */
  private record Started(TopicMirror mirror, long nanos) {}

  /** Builds a mirror with a new application id and state directory, starts it and waits until ready. */
  private Started start(KafkaSettings with, String name, MirrorListener<CatalogEntry> listener)
      throws InterruptedException {
    long start = System.nanoTime();
    TopicMirror mirror =
        TopicMirror.builder("harbor-bench-" + name, with, stateRoot.resolve(name))
            .mirror(TOPIC, STORE, listener)
            .build()
            .start();
    if (!mirror.awaitReady(TIMEOUT)) {
      mirror.close();
      throw new IllegalStateException("the mirror " + name + " was not ready within " + TIMEOUT);
    }
    return new Started(mirror, System.nanoTime() - start);
  }

  /** Reads the topic with the catalog serde into an index that is dropped afterwards. */
  private long typedRead() {
    CatalogIndex decoded = new CatalogIndex();
    return TopicRead.read(
            settings, TOPIC.name(), TOPIC.keySerde().deserializer(),
            TOPIC.valueSerde().deserializer(), record -> apply(decoded, record), TIMEOUT)
        .nanos();
  }

  private static void apply(CatalogIndex index, ConsumerRecord<String, CatalogEntry> record) {
    if (record.value() == null) {
      index.remove(record.key());
    } else {
      index.upsert(record.key(), record.value());
    }
  }

  /** Collects garbage so one measurement does not pay for the last one's; returns the heap in use. */
  static long settle() {
    Runtime runtime = Runtime.getRuntime();
    runtime.gc();
    runtime.gc();
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
