package dev.harbor.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.harbor.kafka.embedded.EmbeddedKafka;
import dev.harbor.schemas.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopicEndsTest {

  @TempDir static Path dataDir;

  private static EmbeddedKafka kafka;
  private static KafkaSettings settings;
  private static TopicEnds ends;

  @BeforeAll
  static void startKafka() {
    kafka = EmbeddedKafka.start(dataDir, 0);
    settings = KafkaSettings.local(kafka.bootstrapServers());
    ends = new TopicEnds(settings);
  }

  @AfterAll
  static void stopKafka() {
    ends.close();
    kafka.close();
  }

  @Test
  void every_partition_of_a_new_topic_ends_at_zero() {
    new TopicProvisioner(settings).ensure(Topics.nodeTopics("empty"));

    assertThat(ends.endOffsets(Topics.audit("empty")))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(partition("empty", 0), 0L, partition("empty", 1), 0L, partition("empty", 2), 0L));
  }

  @Test
  void each_partition_ends_after_the_records_written_to_it() throws Exception {
    new TopicProvisioner(settings).ensure(Topics.nodeTopics("written"));
    String topic = Topics.audit("written").name();
    try (KafkaProducer<String, String> producer = producer(Map.of())) {
      producer.send(new ProducerRecord<>(topic, 0, "a", "1")).get();
      producer.send(new ProducerRecord<>(topic, 0, "a", "2")).get();
      producer.send(new ProducerRecord<>(topic, 2, "b", "3")).get();
    }

    assertThat(ends.endOffsets(topic))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                partition("written", 0), 2L,
                partition("written", 1), 0L,
                partition("written", 2), 1L));
  }

  @Test
  void records_of_an_open_transaction_count_only_once_it_commits() {
    new TopicProvisioner(settings).ensure(Topics.nodeTopics("tx"));
    String topic = Topics.catalogState("tx").name();
    TopicPartition only = new TopicPartition(topic, 0);
    try (KafkaProducer<String, String> producer =
        producer(Map.of("transactional.id", "topic-ends-test"))) {
      producer.initTransactions();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topic, "k", "v1"));
      producer.send(new ProducerRecord<>(topic, "k", "v2"));
      producer.flush();

      assertThat(ends.endOffsets(topic)).containsEntry(only, 0L);

      producer.commitTransaction();
    }
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(ends.endOffsets(topic)).containsEntry(only, 3L));
  }

  @Test
  void asking_for_a_topic_that_does_not_exist_fails_naming_it() {
    assertThatThrownBy(() -> ends.endOffsets("harbor.no-such-topic"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("harbor.no-such-topic");
  }

  private static KafkaProducer<String, String> producer(Map<String, Object> extra) {
    Map<String, Object> props = new HashMap<>(settings.producerProps("topic-ends-test"));
    props.putAll(extra);
    return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
  }

  private static TopicPartition partition(String nodeId, int partition) {
    return new TopicPartition(Topics.audit(nodeId).name(), partition);
  }
}
