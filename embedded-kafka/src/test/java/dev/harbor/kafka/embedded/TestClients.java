package dev.harbor.kafka.embedded;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plain string clients for talking to an {@link EmbeddedKafka} in tests. */
final class TestClients {

  private TestClients() {}

  static Admin admin(EmbeddedKafka kafka) {
    return Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()));
  }

  static void createTopic(EmbeddedKafka kafka, String topic) throws Exception {
    try (Admin admin = admin(kafka)) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
    }
  }

  static Set<String> topicNames(EmbeddedKafka kafka) throws Exception {
    try (Admin admin = admin(kafka)) {
      return admin.listTopics().names().get();
    }
  }

  static String clusterId(EmbeddedKafka kafka) throws Exception {
    try (Admin admin = admin(kafka)) {
      return admin.describeCluster().clusterId().get();
    }
  }

  static KafkaProducer<String, String> producer(EmbeddedKafka kafka, Map<String, Object> extra) {
    Map<String, Object> props = new java.util.HashMap<>(extra);
    props.put("bootstrap.servers", kafka.bootstrapServers());
    return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
  }

  static void send(EmbeddedKafka kafka, String topic, String key, String value) throws Exception {
    try (KafkaProducer<String, String> producer = producer(kafka, Map.of("acks", "all"))) {
      producer.send(new ProducerRecord<>(topic, key, value)).get();
    }
  }

  /** Reads the topic from the beginning until at least {@code expected} records have arrived. */
  static List<ConsumerRecord<String, String>> readAtLeast(
      EmbeddedKafka kafka, String topic, int expected, String isolationLevel) {
    Map<String, Object> props =
        Map.of(
            "bootstrap.servers", kafka.bootstrapServers(),
            "group.id", "test-" + UUID.randomUUID(),
            "auto.offset.reset", "earliest",
            "isolation.level", isolationLevel);
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= expected;
              });
    }
    return records;
  }
}
