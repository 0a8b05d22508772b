package dev.harbor.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.harbor.kafka.embedded.EmbeddedKafka;
import dev.harbor.schemas.topics.Topic;
import dev.harbor.schemas.topics.TopicSpec;
import dev.harbor.schemas.topics.TopicSpec.CleanupPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KafkaStreams.State;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExactlyOnceStreamsTest {

  private static final Topic<String, String> WORDS = topic("test.words.v1");
  private static final Topic<String, Long> COUNTS =
      new Topic<>(
          "test.word-counts.v1",
          Serdes.String(),
          Serdes.Long(),
          new TopicSpec(CleanupPolicy.COMPACT, 1, Map.of()),
          "test",
          "none");

  @Test
  void a_stateful_exactly_once_streams_app_configured_from_the_settings_runs_on_one_node(
      @TempDir Path dataDir, @TempDir Path stateDir) throws Exception {
    try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir, 0)) {
      KafkaSettings settings = KafkaSettings.local(kafka.bootstrapServers());
      new TopicProvisioner(settings).ensure(List.of(WORDS, COUNTS));
      Properties props = new Properties();
      props.putAll(settings.streamsProps("word-count", stateDir));

      try (KafkaStreams streams = new KafkaStreams(countingTopology(), props)) {
        streams.start();
        send(settings, "harbor", "harbor", "kafka");

        Map<String, Long> latest = new HashMap<>();
        try (KafkaConsumer<String, Long> consumer =
            new KafkaConsumer<>(
                settings.consumerProps("word-count-reader", "word-count-reader"),
                COUNTS.keySerde().deserializer(),
                COUNTS.valueSerde().deserializer())) {
          consumer.subscribe(List.of(COUNTS.name()));
          await()
              .atMost(Duration.ofSeconds(30))
              .failFast("the streams app failed", () -> streams.state() == State.ERROR)
              .untilAsserted(
                  () -> {
                    consumer
                        .poll(Duration.ofMillis(200))
                        .forEach(r -> latest.put(r.key(), r.value()));
                    assertThat(latest).containsEntry("harbor", 2L).containsEntry("kafka", 1L);
                  });
        }
      }
    }
  }

  private static Topology countingTopology() {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(WORDS.name(), Consumed.with(WORDS.keySerde(), WORDS.valueSerde()))
        .groupByKey(Grouped.with(WORDS.keySerde(), WORDS.valueSerde()))
        .count()
        .toStream()
        .to(COUNTS.name(), Produced.with(COUNTS.keySerde(), COUNTS.valueSerde()));
    return builder.build();
  }

  private static void send(KafkaSettings settings, String... words) throws Exception {
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            settings.producerProps("word-writer"),
            WORDS.keySerde().serializer(),
            WORDS.valueSerde().serializer())) {
      for (String word : words) {
        producer.send(new ProducerRecord<>(WORDS.name(), word, word)).get();
      }
    }
  }

  private static Topic<String, String> topic(String name) {
    return new Topic<>(
        name,
        Serdes.String(),
        Serdes.String(),
        new TopicSpec(CleanupPolicy.DELETE, 1, Map.of()),
        "test",
        "none");
  }
}
