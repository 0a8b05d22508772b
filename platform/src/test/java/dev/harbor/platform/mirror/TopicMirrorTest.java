package dev.harbor.platform.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.harbor.kafka.embedded.EmbeddedKafka;
import dev.harbor.platform.catalog.CatalogEntries;
import dev.harbor.platform.catalog.CatalogIndex;
import dev.harbor.platform.kafka.KafkaSettings;
import dev.harbor.platform.kafka.TopicProvisioner;
import dev.harbor.schemas.catalog.CatalogEntry;
import dev.harbor.schemas.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mirror against a real broker: catch-up, live updates, tombstones, restarts, read-your-writes. */
class TopicMirrorTest {

  @TempDir static Path brokerDir;
  static EmbeddedKafka broker;
  static KafkaSettings settings;

  @TempDir Path stateDir;

  @BeforeAll
  static void startBroker() {
    broker = EmbeddedKafka.start(brokerDir, 0);
    settings = KafkaSettings.local(broker.bootstrapServers());
    new TopicProvisioner(settings).ensure(Topics.hubTopics());
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @Test
  void catchesUpWithExistingRecordsBeforeItIsReadyThenFollowsLiveChanges() throws Exception {
    String prefix = "t1-" + UUID.randomUUID().toString().substring(0, 8);
    publish(Map.of(prefix + ".a", CatalogEntries.simple(prefix + ".a", "Alpha"), prefix + ".b", CatalogEntries.simple(prefix + ".b", "Beta")));
    CatalogIndex index = new CatalogIndex();
    try (TopicMirror mirror = mirror(index, stateDir)) {
      assertThat(mirror.awaitReady(Duration.ofSeconds(60))).isTrue();
      assertThat(index.get(prefix + ".a")).isPresent();
      assertThat(index.get(prefix + ".b")).isPresent();

      Map<String, CatalogEntry> changes = new HashMap<>();
      changes.put(prefix + ".a", null);
      changes.put(prefix + ".c", CatalogEntries.simple(prefix + ".c", "Gamma"));
      Map<TopicPartition, Long> written = publish(changes);

      assertThat(mirror.awaitApplied(written, Duration.ofSeconds(30))).isTrue();
      assertThat(index.get(prefix + ".a")).isEmpty();
      assertThat(index.get(prefix + ".c")).isPresent();
      assertThat(mirror.<CatalogEntry>get("catalog", prefix + ".c")).map(CatalogEntry::name).contains("Gamma");
      assertThat(mirror.get("catalog", prefix + ".a")).isEmpty();
    }
  }

  @Test
  void aRestartedMirrorRefillsItsIndexFromTheStoreAndTheTopic() throws Exception {
    String prefix = "t2-" + UUID.randomUUID().toString().substring(0, 8);
    String applicationId = "mirror-" + UUID.randomUUID();
    publish(Map.of(prefix + ".a", CatalogEntries.simple(prefix + ".a", "Alpha")));
    try (TopicMirror first = mirror(applicationId, new CatalogIndex(), stateDir)) {
      assertThat(first.awaitReady(Duration.ofSeconds(60))).isTrue();
    }
    publish(Map.of(prefix + ".b", CatalogEntries.simple(prefix + ".b", "Beta")));

    CatalogIndex index = new CatalogIndex();
    try (TopicMirror second = mirror(applicationId, index, stateDir)) {
      assertThat(second.awaitReady(Duration.ofSeconds(60))).isTrue();

      assertThat(index.get(prefix + ".a")).as("restored from the local store").isPresent();
      assertThat(index.get(prefix + ".b")).as("read from the topic after the checkpoint").isPresent();
    }
  }

  @Test
  void aRecordThatDoesNotDecodeIsSkippedAndTheMirrorKeepsGoing() throws Exception {
    String prefix = "t3-" + UUID.randomUUID().toString().substring(0, 8);
    try (KafkaProducer<byte[], byte[]> raw =
        new KafkaProducer<>(settings.producerProps("raw"), new ByteArraySerializer(), new ByteArraySerializer())) {
      raw.send(new ProducerRecord<>(Topics.CATALOG.name(), (prefix + ".bad").getBytes(), "{not json".getBytes())).get();
    }
    publish(Map.of(prefix + ".good", CatalogEntries.simple(prefix + ".good", "Good")));
    CatalogIndex index = new CatalogIndex();
    try (TopicMirror mirror = mirror(index, stateDir)) {
      assertThat(mirror.awaitReady(Duration.ofSeconds(60))).isTrue();
      await().atMost(Duration.ofSeconds(30)).until(() -> index.get(prefix + ".good").isPresent());
      assertThat(index.get(prefix + ".bad")).isEmpty();
      assertThat(mirror.ready()).isTrue();
    }
  }

  private static TopicMirror mirror(CatalogIndex index, Path stateDir) {
    return mirror("mirror-" + UUID.randomUUID(), index, stateDir);
  }

  private static TopicMirror mirror(String applicationId, CatalogIndex index, Path stateDir) {
    return TopicMirror.builder(applicationId, settings, stateDir).mirror(Topics.CATALOG, "catalog", index).build().start();
  }

  private static Map<TopicPartition, Long> publish(Map<String, CatalogEntry> records) throws Exception {
    Map<TopicPartition, Long> last = new HashMap<>();
    try (KafkaProducer<String, CatalogEntry> producer =
        new KafkaProducer<>(settings.producerProps("test"), Topics.CATALOG.keySerde().serializer(), Topics.CATALOG.valueSerde().serializer())) {
      for (Map.Entry<String, CatalogEntry> record : records.entrySet()) {
        RecordMetadata m = producer.send(new ProducerRecord<>(Topics.CATALOG.name(), record.getKey(), record.getValue())).get();
        last.merge(new TopicPartition(m.topic(), m.partition()), m.offset(), Math::max);
      }
    }
    return last;
  }
}
