package dev.harbor.hub;

import dev.harbor.platform.kafka.KafkaSettings;
import dev.harbor.schemas.catalog.CatalogEntry;
import dev.harbor.schemas.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/** Reads the whole catalog topic from the beginning to its current end, for assertions. */
final class CatalogTopic {

  private CatalogTopic() {}

  static List<ConsumerRecord<String, CatalogEntry>> readAll(KafkaSettings settings) {
    try (KafkaConsumer<String, CatalogEntry> consumer =
        new KafkaConsumer<>(
            settings.consumerProps("catalog-topic-reader", null),
            Topics.CATALOG.keySerde().deserializer(),
            Topics.CATALOG.valueSerde().deserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(Topics.CATALOG.name()).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      List<ConsumerRecord<String, CatalogEntry>> records = new ArrayList<>();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      return records;
    }
  }
}
