package dev.harbor.bench;

import dev.harbor.platform.kafka.KafkaSettings;
import dev.harbor.schemas.topics.Topics;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.streams.StreamsConfig;

/** What a run ran on and with, as Markdown bullet lines. */
final class Conditions {

  private Conditions() {}

  static List<String> describe(Path scratch, int runs, int syntheticSize) {
    Runtime runtime = Runtime.getRuntime();
    KafkaSettings sample = KafkaSettings.local("127.0.0.1:0");
    Map<String, Object> streams = sample.streamsProps("bench", scratch);
    Map<String, Object> producer = sample.producerProps("bench");
    Map<String, Object> consumer = sample.consumerProps("bench", null);
    List<String> lines = new ArrayList<>();
    lines.add("Date: " + Instant.now().truncatedTo(ChronoUnit.SECONDS));
    lines.add(
        "JVM: " + System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name")
            + " " + System.getProperty("java.runtime.version"));
    lines.add(
        "JVM options: "
            + String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
    lines.add(
        "GC: " + ManagementFactory.getGarbageCollectorMXBeans().stream()
            .map(GarbageCollectorMXBean::getName)
            .collect(Collectors.joining(", ")));
    lines.add("Available processors: " + runtime.availableProcessors());
    lines.add("Max heap: " + Format.mebibytes(runtime.maxMemory()));
    lines.add(
        "OS: " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
            + System.getProperty("os.arch"));
    lines.add("Scratch directory file system: " + fileStore(scratch));
    lines.add(
        "Kafka: " + AppInfoParser.getVersion()
            + ", one embedded KRaft node per catalog size, on loopback");
    lines.add(
        "Catalog topic: " + Topics.CATALOG.name() + ", " + Topics.CATALOG.spec().partitions()
            + " partitions, compacted, replication factor 1");
    lines.add(
        "Producer: acks=" + producer.get(ProducerConfig.ACKS_CONFIG) + ", idempotent="
            + producer.get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG) + ", other settings default");
    lines.add(
        "Consumers: " + ConsumerConfig.ISOLATION_LEVEL_CONFIG + "="
            + consumer.get(ConsumerConfig.ISOLATION_LEVEL_CONFIG) + ", other settings default");
    lines.add(
        "Mirror (Kafka Streams): " + StreamsConfig.PROCESSING_GUARANTEE_CONFIG + "="
            + streams.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG) + ", "
            + StreamsConfig.COMMIT_INTERVAL_MS_CONFIG + "="
            + streams.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG) + ", "
            + StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG + "="
            + streams.get(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG)
            + ", global RocksDB store with logging disabled");
    lines.add(
        "Runs per catch-up measurement: " + runs
            + " (median shown, range in brackets), each after a System.gc()");
    lines.add("Synthetic size: " + Format.count(syntheticSize) + " entries");
    lines.add(load("start"));
    return lines;
  }

  /** The system load average, which shows whether other work shared the processors. */
  static String load(String when) {
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    return "System load average (1 min) at " + when + ": "
        + (load < 0 ? "not available" : String.format(Locale.ROOT, "%.2f", load));
  }

  private static String fileStore(Path path) {
    try {
      return Files.getFileStore(path).type();
    } catch (IOException e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }
}
