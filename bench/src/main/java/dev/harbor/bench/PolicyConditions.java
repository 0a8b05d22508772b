package dev.harbor.bench;

import dev.harbor.node.NodeConfig;
import dev.harbor.platform.kafka.KafkaSettings;
import dev.harbor.policy.PolicyStreamService;
import dev.harbor.schemas.topics.Topics;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.streams.StreamsConfig;

/** What the policy benchmark ran on and with, as Markdown bullet lines. */
final class PolicyConditions {

  private PolicyConditions() {}

  static List<String> describe(Path scratch) {
    Runtime runtime = Runtime.getRuntime();
    KafkaSettings sample = KafkaSettings.local("127.0.0.1:0");
    String nodeId = "default";
    Map<String, Object> streamsProps =
        sample.streamsProps(PolicyStreamService.applicationId(nodeId), scratch.resolve("conditions"));
    StreamsConfig streams = new StreamsConfig(streamsProps);
    Map<String, Object> streamProducer = streams.getProducerConfigs("bench");
    Map<String, Object> streamConsumer = streams.getMainConsumerConfigs("bench", "bench", 0);
    Map<String, Object> producer = withDefaults(ProducerConfig.configDef().defaultValues(), sample.producerProps("bench"));
    Map<String, Object> consumer =
        withDefaults(ConsumerConfig.configDef().defaultValues(), sample.consumerProps("bench", null));

    List<String> lines = new ArrayList<>();
    lines.add("Date: " + Instant.now().truncatedTo(ChronoUnit.SECONDS));
    lines.add("JVM: " + System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " "
        + System.getProperty("java.runtime.version"));
    lines.add("JVM options: " + String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
    lines.add("GC: " + ManagementFactory.getGarbageCollectorMXBeans().stream()
        .map(GarbageCollectorMXBean::getName).collect(Collectors.joining(", ")));
    lines.add("Available processors: " + runtime.availableProcessors());
    lines.add("Max heap: " + Format.mebibytes(runtime.maxMemory()));
    lines.add("OS: " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
        + System.getProperty("os.arch"));
    lines.add("Scratch directory file system: " + fileStore(scratch));
    lines.add("Kafka: " + AppInfoParser.getVersion()
        + ", embedded single-node KRaft broker in the benchmark's JVM, on loopback; one fresh broker for the"
        + " throughput runs, and one per Harbor start (each Harbor starts its own)");
    lines.add("Node topics: commands " + Topics.commands(nodeId).spec().partitions() + " partition, instances "
        + Topics.instances(nodeId).spec().partitions() + " (compacted), orders "
        + Topics.orders(nodeId).spec().partitions() + ", audit " + Topics.audit(nodeId).spec().partitions()
        + "; replication factor 1");
    lines.add("Policy stream (Kafka Streams, PolicyStreamService): "
        + StreamsConfig.PROCESSING_GUARANTEE_CONFIG + "=" + streamsProps.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)
        + ", " + StreamsConfig.COMMIT_INTERVAL_MS_CONFIG + "=" + streamsProps.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)
        + " (Harbor's KafkaSettings; Kafka's own default under exactly-once is 100 too)"
        + ", " + StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG + "="
        + streamsProps.get(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG)
        + ", " + StreamsConfig.NUM_STREAM_THREADS_CONFIG + "=" + streams.getInt(StreamsConfig.NUM_STREAM_THREADS_CONFIG)
        + ", " + StreamsConfig.POLL_MS_CONFIG + "=" + streams.getLong(StreamsConfig.POLL_MS_CONFIG)
        + "; its producer: " + ProducerConfig.LINGER_MS_CONFIG + "=" + streamProducer.get(ProducerConfig.LINGER_MS_CONFIG)
        + "; its consumer: " + ConsumerConfig.ISOLATION_LEVEL_CONFIG + "="
        + streamConsumer.get(ConsumerConfig.ISOLATION_LEVEL_CONFIG) + ", " + ConsumerConfig.MAX_POLL_RECORDS_CONFIG
        + "=" + streamConsumer.get(ConsumerConfig.MAX_POLL_RECORDS_CONFIG)
        + "; local RocksDB stores, changelogged; global stores: catalog, policy, catalog state");
    lines.add("Policy: the default policy (nothing published): operators allowed, agents need approval");
    lines.add("Producers (node-api's command bus, the benchmark's): acks=" + producer.get(ProducerConfig.ACKS_CONFIG)
        + ", idempotent=" + producer.get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG) + ", "
        + ProducerConfig.LINGER_MS_CONFIG + "=" + producer.get(ProducerConfig.LINGER_MS_CONFIG)
        + " (Kafka's default), other settings default");
    lines.add("Consumers (the benchmark's readers, Harbor's mirrors): " + ConsumerConfig.ISOLATION_LEVEL_CONFIG + "="
        + consumer.get(ConsumerConfig.ISOLATION_LEVEL_CONFIG) + ", " + ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG + "="
        + consumer.get(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG) + ", other settings default");
    lines.add("Node setup wait (how long POST /v1/mcp/setup waits for the decision before answering without it): "
        + new NodeConfig().getSetupWait().toMillis() + " ms");
    lines.add(Conditions.load("start"));
    return lines;
  }

  private static Map<String, Object> withDefaults(Map<String, Object> defaults, Map<String, Object> props) {
    Map<String, Object> all = new HashMap<>(defaults);
    all.putAll(props);
    return all;
  }

  private static String fileStore(Path path) {
    try {
      return Files.getFileStore(path).type();
    } catch (IOException e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }
}
