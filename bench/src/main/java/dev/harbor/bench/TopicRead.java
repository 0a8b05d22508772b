package dev.harbor.bench;

import dev.harbor.platform.kafka.KafkaSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads a whole topic once with a plain {@link KafkaConsumer}: assigns every partition, seeks to the
 * beginning and polls until each partition's position reaches the end offset it had after the seek.
 * The consumer uses Harbor's consumer settings without a group, so nothing is committed.
 *
 * @param records records read
 * @param bytes serialized key and value bytes read
 * @param nanos from creating the consumer to reaching the end offsets
 */
record TopicRead(long records, long bytes, long nanos) {

  private static final Duration POLL = Duration.ofMillis(100);

  static <K, V> TopicRead read(
      KafkaSettings settings,
      String topic,
      Deserializer<K> keys,
      Deserializer<V> values,
      Consumer<ConsumerRecord<K, V>> sink,
      Duration timeout) {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    long records = 0;
    long bytes = 0;
    try (KafkaConsumer<K, V> consumer =
        new KafkaConsumer<>(settings.consumerProps("harbor-bench-read", null), keys, values)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (!reached(consumer, end)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("reading " + topic + " took longer than " + timeout);
        }
        for (ConsumerRecord<K, V> record : consumer.poll(POLL)) {
          records++;
          bytes += Math.max(0, record.serializedKeySize()) + Math.max(0, record.serializedValueSize());
          sink.accept(record);
        }
      }
      return new TopicRead(records, bytes, System.nanoTime() - start);
    }
  }

  private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
    return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }
}
