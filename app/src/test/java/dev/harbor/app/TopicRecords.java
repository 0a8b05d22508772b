package dev.harbor.app;

import dev.harbor.platform.kafka.KafkaSettings;
import dev.harbor.schemas.topics.Topic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads a topic of a running Harbor from the beginning to its current end (committed records only). */
final class TopicRecords {

  private TopicRecords() {}

  /** Every committed record of the topic, keys and values as UTF-8 text, one per line. */
  static String raw(Harbor harbor, String topic) {
    StringBuilder text = new StringBuilder();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
        settings(harbor).consumerProps("test-raw-reader", null), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> {
          if (r.key() != null) {
            text.append(new String(r.key(), StandardCharsets.UTF_8)).append(' ');
          }
          if (r.value() != null) {
            text.append(new String(r.value(), StandardCharsets.UTF_8));
          }
          text.append('\n');
        });
      }
    }
    return text.toString();
  }

  private static KafkaSettings settings(Harbor harbor) {
    try {
      return KafkaSettings.local(Files.readString(harbor.settings().bootstrapFile()).trim());
    } catch (IOException e) {
      throw new IllegalStateException("Harbor's broker address is not readable", e);
    }
  }

  static <V> List<V> read(Harbor harbor, Topic<String, V> topic, Predicate<V> wanted) {
    KafkaSettings settings = settings(harbor);
    List<V> values = new ArrayList<>();
    try (KafkaConsumer<String, V> consumer =
        new KafkaConsumer<>(
            settings.consumerProps("test-reader", null), topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic.name()).stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> {
          if (r.value() != null && wanted.test(r.value())) {
            values.add(r.value());
          }
        });
      }
    }
    return values;
  }
}
