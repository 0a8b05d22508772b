package dev.harbor.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.harbor.kafka.embedded.EmbeddedKafka;
import dev.harbor.platform.kafka.KafkaSettings;
import dev.harbor.schemas.audit.AuditEvent;
import dev.harbor.schemas.topics.Topics;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sink inside a node's Micronaut context, the way the node runs it. */
class AuditSinkServiceTest {

  @TempDir static Path brokerDir;
  static EmbeddedKafka broker;

  @TempDir Path home;

  @BeforeAll
  static void startBroker() {
    broker = EmbeddedKafka.start(brokerDir, 0);
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @Test
  void aNodeContextProvisionsTheNodeTopicsAndServesItsAuditTrailFromItsHome() throws Exception {
    String node = "svc-node";
    try (ApplicationContext context = ApplicationContext.run(properties(node), "node")) {
      AuditSinkService service = context.getBean(AuditSinkService.class);
      assertThat(context.getBean(AuditStore.class)).isSameAs(service.store());
      try (Admin admin = Admin.create(KafkaSettings.local(broker.bootstrapServers()).adminProps())) {
        assertThat(admin.listTopics().names().get())
            .containsAll(Topics.nodeTopics(node).stream().map(t -> t.name()).toList());
      }

      List<AuditEvent> events = AuditSinkTest.synthetic(node, 300);
      AuditTopicWriter.write(KafkaSettings.local(broker.bootstrapServers()), node, events);

      await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
          .until(() -> service.store().query(AuditQuery.all()).total() == 300L);
      assertThat(home.resolve("nodes").resolve(node).resolve("audit-streams").resolve("g1")).isDirectory();
    }
  }

  @Test
  void theSinkClosesWithTheContextAndAnotherEnvironmentDoesNotStartIt() {
    String node = "svc-node-2";
    AuditSinkService service;
    try (ApplicationContext context = ApplicationContext.run(properties(node), "node")) {
      service = context.getBean(AuditSinkService.class);
      await().atMost(Duration.ofSeconds(60)).until(() -> service.store().ready());
    }
    assertThat(service.store().ready()).isFalse();

    try (ApplicationContext hub = ApplicationContext.run(properties(node), "hub")) {
      assertThat(hub.findBean(AuditSinkService.class)).isEmpty();
      assertThat(hub.findBean(AuditStore.class)).isEmpty();
    }
  }

  private Map<String, Object> properties(String node) {
    return Map.of(
        "harbor.home", home.toString(),
        "harbor.kafka.bootstrap-servers", broker.bootstrapServers(),
        "harbor.node.id", node);
  }
}
