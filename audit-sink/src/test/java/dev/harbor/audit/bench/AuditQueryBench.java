package dev.harbor.audit.bench;

import dev.harbor.audit.AuditPage;
import dev.harbor.audit.AuditQuery;
import dev.harbor.audit.AuditSink;
import dev.harbor.audit.AuditTopicWriter;
import dev.harbor.audit.SyntheticAudit;
import dev.harbor.kafka.embedded.EmbeddedKafka;
import dev.harbor.platform.kafka.KafkaSettings;
import dev.harbor.platform.kafka.TopicProvisioner;
import dev.harbor.schemas.audit.AuditEvent;
import dev.harbor.schemas.audit.AuditEventType;
import dev.harbor.schemas.topics.Topic;
import dev.harbor.schemas.topics.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * The audit sink at a year-like size: loads synthetic audit events (default 1,000,000; ~2,000
 * instances, 50 actors, 1,000 catalog ids, every type) into a fresh embedded broker, then measures
 *
 * <ul>
 *   <li>a plain consumer reading and decoding the whole topic (the floor for any reader),
 *   <li>the audit sink loading the same topic into its store until ready (ingest rate),
 *   <li>a reopen of that store on the same state directory,
 *   <li>query latency p50/p99 for a mix of queries.
 * </ul>
 *
 * Run with {@code audit-sink/bench.sh [events]}; prints figures and the conditions they were taken in.
 */
public final class AuditQueryBench {

  private static final String NODE = "bench";
  private static final int INSTANCES = 2_000;
  private static final int ACTORS = 50;
  private static final int CATALOG_IDS = 1_000;
  private static final Instant START = Instant.parse("2025-09-01T00:00:00Z");
  private static final Duration SPAN = Duration.ofDays(90);

  private AuditQueryBench() {}

  public static void main(String[] args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    printConditions(events);
    Path work = Files.createTempDirectory("audit-bench");
    try (EmbeddedKafka broker = EmbeddedKafka.start(work.resolve("kafka"), 0)) {
      KafkaSettings settings = KafkaSettings.local(broker.bootstrapServers());
      new TopicProvisioner(settings).ensure(Topics.nodeTopics(NODE));
      Duration step = SPAN.dividedBy(events);

      long t0 = System.nanoTime();
      produce(settings, new SyntheticAudit(NODE, 2025, INSTANCES, ACTORS, CATALOG_IDS, START, step), events);
      report("produce (JSON, idempotent producer)", events, System.nanoTime() - t0);

      t0 = System.nanoTime();
      long read = consumeAll(settings);
      report("plain consumer, read + decode to the end", read, System.nanoTime() - t0);

      Path stateRoot = work.resolve("audit-streams");
      t0 = System.nanoTime();
      AuditSink sink = new AuditSink(NODE, settings, stateRoot).start();
      if (!sink.awaitReady(Duration.ofMinutes(10))) {
        throw new IllegalStateException("the audit sink did not catch up");
      }
      report("audit sink, load into the store until ready", sink.recordsApplied(), System.nanoTime() - t0);
      check(sink.query(AuditQuery.all()).total() == events, "store holds every event");
      System.out.printf(Locale.ROOT, "store on disk: %.0f MiB%n", size(stateRoot) / 1024.0 / 1024.0);
      sink.close();

      t0 = System.nanoTime();
      sink = new AuditSink(NODE, settings, stateRoot).start();
      sink.awaitReady(Duration.ofMinutes(10));
      System.out.printf(Locale.ROOT, "reopen on the same state directory: %d ms, %d records re-read%n",
          (System.nanoTime() - t0) / 1_000_000, sink.recordsApplied());

      SyntheticAudit names = new SyntheticAudit(NODE, 1, INSTANCES, ACTORS, CATALOG_IDS, START, step);
      measureQueries(sink, names, step);
      sink.close();
      System.out.printf(Locale.ROOT, "%nsystem load average at the end: %.1f%n", loadAverage());
    } finally {
      delete(work);
    }
  }

  private static void measureQueries(AuditSink sink, SyntheticAudit names, Duration step) {
    SplittableRandom random = new SplittableRandom(99);
    Map<String, Function<SplittableRandom, AuditQuery>> mix = new LinkedHashMap<>();
    mix.put("by instance, page 0 of 50", r -> q("instanceId", SyntheticAudit.instanceId(r.nextInt(INSTANCES))));
    mix.put("by actor, page 0 of 50", r -> q("actorName", names.actor(1 + r.nextInt(ACTORS - 1)).name()));
    mix.put("by catalog id + outcome", r -> q("catalogId", SyntheticAudit.catalogId(r.nextInt(CATALOG_IDS)), "outcome", "failed"));
    mix.put("by type + 1-day range", r -> {
      Instant from = START.plus(Duration.ofHours(r.nextInt(24 * 89)));
      AuditEventType type = AuditEventType.values()[r.nextInt(AuditEventType.values().length)];
      return q("types", type.wire(), "from", from.toString(), "to", from.plus(Duration.ofDays(1)).toString());
    });
    mix.put("actor kind + outcome + 7-day range", r -> {
      Instant from = START.plus(Duration.ofDays(r.nextInt(83)));
      return q("actorKind", "operator", "outcome", "denied", "from", from.toString(), "to", from.plus(Duration.ofDays(7)).toString());
    });
    mix.put("unfiltered, page 0 of 50", r -> AuditQuery.all());
    mix.put("unfiltered, deep page (offset 100,000 - 200)", r -> q("page", "499", "size", "200"));
    mix.put("by actor, deep page (offset 10,000)", r -> q("actorName", names.actor(1 + r.nextInt(ACTORS - 1)).name(), "page", "100", "size", "100"));
    mix.put("text, common word (~3 % of events)", r -> q("text", "quota"));
    mix.put("text + actor", r -> q("text", "github", "actorName", names.actor(1 + r.nextInt(ACTORS - 1)).name()));
    mix.put("text, no match (scans every event)", r -> q("text", "no-such-words"));

    System.out.println();
    System.out.println("| query | runs | p50 ms | p99 ms | items | total known |");
    System.out.println("|---|---:|---:|---:|---:|---|");
    for (Map.Entry<String, Function<SplittableRandom, AuditQuery>> entry : mix.entrySet()) {
      boolean fullScan = entry.getKey().contains("scans every");
      int warmup = fullScan ? 1 : 20;
      int runs = fullScan ? 5 : 200;
      for (int i = 0; i < warmup; i++) {
        sink.query(entry.getValue().apply(random));
      }
      long[] nanos = new long[runs];
      AtomicReference<AuditPage> last = new AtomicReference<>();
      for (int i = 0; i < runs; i++) {
        AuditQuery query = entry.getValue().apply(random);
        long t0 = System.nanoTime();
        last.set(sink.query(query));
        nanos[i] = System.nanoTime() - t0;
      }
      Arrays.sort(nanos);
      System.out.printf(Locale.ROOT, "| %s | %d | %.2f | %.2f | %d | %s |%n",
          entry.getKey(), runs, nanos[runs / 2] / 1e6, nanos[(int) Math.ceil(runs * 0.99) - 1] / 1e6,
          last.get().items().size(), last.get().total() == null ? "no" : "yes");
    }
  }

  private static AuditQuery q(String... pairs) {
    Map<String, String> params = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      params.put(pairs[i], pairs[i + 1]);
    }
    return AuditQuery.parse(params);
  }

  private static void produce(KafkaSettings settings, SyntheticAudit synthetic, int events) {
    Topic<String, AuditEvent> topic = Topics.audit(NODE);
    Map<String, Object> props = AuditTopicWriter.producerProps(settings, "audit-bench");
    props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, 1024 * 1024);
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    try (KafkaProducer<String, AuditEvent> producer =
        new KafkaProducer<>(props, topic.keySerde().serializer(), topic.valueSerde().serializer())) {
      AtomicReference<Exception> failure = new AtomicReference<>();
      for (int i = 0; i < events; i++) {
        AuditEvent event = synthetic.event(i);
        producer.send(new ProducerRecord<>(topic.name(), event.subject(), event), (m, e) -> {
          if (e != null) {
            failure.compareAndSet(null, e);
          }
        });
      }
      producer.flush();
      if (failure.get() != null) {
        throw new IllegalStateException("producing failed", failure.get());
      }
    }
  }

  private static long consumeAll(KafkaSettings settings) {
    Topic<String, AuditEvent> topic = Topics.audit(NODE);
    try (KafkaConsumer<String, AuditEvent> consumer =
        new KafkaConsumer<>(settings.consumerProps("audit-bench-reader", null),
            topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      consumer.partitionsFor(topic.name()).forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      long read = 0;
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        ConsumerRecords<String, AuditEvent> records = consumer.poll(Duration.ofMillis(500));
        read += records.count();
      }
      return read;
    }
  }

  private static void printConditions(int events) {
    Runtime runtime = Runtime.getRuntime();
    System.out.printf(Locale.ROOT, "audit query benchmark, %s%n", ZonedDateTime.now().withNano(0));
    System.out.printf(Locale.ROOT, "JVM %s %s (%s), %d cores, max heap %d MiB, %s %s%n",
        System.getProperty("java.vm.vendor"), System.getProperty("java.runtime.version"),
        System.getProperty("java.vm.name"), runtime.availableProcessors(), runtime.maxMemory() / 1024 / 1024,
        System.getProperty("os.name"), System.getProperty("os.arch"));
    System.out.printf(Locale.ROOT, "JVM flags: %s%n", ManagementFactory.getRuntimeMXBean().getInputArguments());
    System.out.printf(Locale.ROOT, "system load average at the start: %.1f (other processes share these cores)%n", loadAverage());
    System.out.printf(Locale.ROOT,
        "data: %,d events over %d days, %d instances, %d actors, %d catalog ids, all %d types; "
            + "broker, sink and benchmark in one JVM%n%n",
        events, SPAN.toDays(), INSTANCES, ACTORS, CATALOG_IDS, AuditEventType.values().length);
  }

  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static void report(String what, long count, long nanos) {
    double seconds = nanos / 1e9;
    System.out.printf(Locale.ROOT, "%s: %,d events in %.1f s = %,.0f events/s%n", what, count, seconds, count / seconds);
  }

  private static void check(boolean condition, String what) {
    if (!condition) {
      throw new IllegalStateException("check failed: " + what);
    }
  }

  private static long size(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> {
        try {
          return Files.size(p);
        } catch (IOException e) {
          return 0;
        }
      }).sum();
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
