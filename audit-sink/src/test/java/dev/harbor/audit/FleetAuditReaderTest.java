package dev.harbor.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.harbor.kafka.embedded.EmbeddedKafka;
import dev.harbor.platform.kafka.KafkaSettings;
import dev.harbor.platform.kafka.TopicProvisioner;
import dev.harbor.schemas.audit.AuditEvent;
import dev.harbor.schemas.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetAuditReaderTest {

  @TempDir static Path brokerDir;
  static EmbeddedKafka broker;
  static KafkaSettings settings;

  @BeforeAll
  static void startBroker() {
    broker = EmbeddedKafka.start(brokerDir, 0);
    settings = KafkaSettings.local(broker.bootstrapServers());
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @Test
  void oneReaderReceivesTheAuditEventsOfEveryNodeIncludingANodeAddedLater() {
    new TopicProvisioner(settings).ensure(Topics.nodeTopics("fleet-a"));
    List<AuditEvent> fromA = AuditSinkTest.synthetic("fleet-a", 40);
    AuditTopicWriter.write(settings, "fleet-a", fromA);
    AuditTopicWriter.writeRaw(settings, "fleet-a", Map.of("bad", "{not json"));
    Map<String, AuditEvent> received = new ConcurrentHashMap<>();
    Map<String, String> topicOf = new ConcurrentHashMap<>();

    try (FleetAuditReader reader = new FleetAuditReader(settings, "fleet-test", Duration.ofMillis(500))) {
      await().atMost(Duration.ofSeconds(60)).until(() -> {
        reader.poll(Duration.ofMillis(200), (topic, event) -> {
          received.put(event.id() + "@" + event.nodeId(), event);
          topicOf.put(event.id() + "@" + event.nodeId(), topic);
        });
        return received.size() == 40;
      });

      new TopicProvisioner(settings).ensure(Topics.nodeTopics("fleet-b"));
      List<AuditEvent> fromB = AuditSinkTest.synthetic("fleet-b", 25);
      AuditTopicWriter.write(settings, "fleet-b", fromB);
      AuditTopicWriter.write(settings, "fleet-a", AuditSinkTest.synthetic("fleet-a", 45).subList(40, 45));

      await().atMost(Duration.ofSeconds(60)).until(() -> {
        reader.poll(Duration.ofMillis(200), (topic, event) -> {
          received.put(event.id() + "@" + event.nodeId(), event);
          topicOf.put(event.id() + "@" + event.nodeId(), topic);
        });
        return received.size() == 70;
      });
    }

    assertThat(received.values().stream().filter(e -> e.nodeId().equals("fleet-b"))).hasSize(25);
    assertThat(received.values().stream().filter(e -> e.nodeId().equals("fleet-a"))).hasSize(45);
    topicOf.forEach((key, topic) -> assertThat(topic).isEqualTo(Topics.audit(received.get(key).nodeId()).name()));
  }
}
