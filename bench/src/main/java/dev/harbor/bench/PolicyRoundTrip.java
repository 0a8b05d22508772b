package dev.harbor.bench;

import dev.harbor.platform.kafka.KafkaSettings;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * One-record round trips on a broker: a producer with Harbor's settings sends one record, a
 * read_committed consumer (already assigned and polling on its own thread) receives it; the time from
 * before the send to the receipt. Sequential: the next record is sent once the previous one arrived.
 * Plain (idempotent producer) or transactional (begin, send, commit per record).
 */
final class PolicyRoundTrip {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private PolicyRoundTrip() {}

  /** Warm-up round trips first (not counted), then {@code count} timed ones. */
  static Latency measure(KafkaSettings settings, String topic, boolean transactional, int payloadBytes,
      int warmup, int count) throws Exception {
    try (Admin admin = Admin.create(settings.adminProps())) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
    }
    BlockingQueue<Long> arrivals = new LinkedBlockingQueue<>();
    AtomicBoolean stop = new AtomicBoolean();
    TopicPartition partition = new TopicPartition(topic, 0);
    Map<String, Object> consumerProps = settings.consumerProps("harbor-bench-roundtrip-consumer", null);
    Thread reader = Thread.ofPlatform().name("bench-roundtrip-reader").start(() -> {
      try (KafkaConsumer<byte[], byte[]> consumer =
          new KafkaConsumer<>(consumerProps, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
        consumer.assign(List.of(partition));
        consumer.seekToEnd(List.of(partition));
        consumer.position(partition);
        arrivals.add(-1L);
        while (!stop.get()) {
          for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
            long now = System.nanoTime();
            arrivals.add(now - ByteBuffer.wrap(record.value()).getLong());
          }
        }
      }
    });
    try {
      if (arrivals.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS) == null) {
        throw new IllegalStateException("the round-trip consumer did not start");
      }
      Map<String, Object> producerProps = settings.producerProps("harbor-bench-roundtrip-producer");
      if (transactional) {
        producerProps.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "harbor-bench-roundtrip-" + topic);
      }
      long[] nanos = new long[count];
      try (KafkaProducer<byte[], byte[]> producer =
          new KafkaProducer<>(producerProps, new ByteArraySerializer(), new ByteArraySerializer())) {
        if (transactional) {
          producer.initTransactions();
        }
        producer.partitionsFor(topic);
        byte[] payload = new byte[Math.max(Long.BYTES, payloadBytes)];
        for (int i = 0; i < warmup + count; i++) {
          long start = System.nanoTime();
          ByteBuffer.wrap(payload).putLong(start);
          if (transactional) {
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, payload.clone()));
            producer.commitTransaction();
          } else {
            producer.send(new ProducerRecord<>(topic, payload.clone()));
          }
          Long elapsed = arrivals.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
          if (elapsed == null) {
            throw new IllegalStateException("round trip " + i + " on " + topic + " took longer than " + TIMEOUT);
          }
          if (i >= warmup) {
            nanos[i - warmup] = elapsed;
          }
        }
      }
      return Latency.of(nanos);
    } finally {
      stop.set(true);
      reader.join();
    }
  }
}
