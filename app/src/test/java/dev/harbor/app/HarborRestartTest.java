package dev.harbor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.harbor.platform.kafka.KafkaSettings;
import dev.harbor.schemas.topics.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second start on the same data directory keeps everything, republishes nothing, and picks up a
 * flow where it stopped: nothing lost, nothing decided twice.
 */
class HarborRestartTest {

  @TempDir Path home;

  @Test
  void aRestartKeepsTheCatalogTheNodeStateAndTheOperatorToken() throws IOException {
    Map<String, String> env = TestHarbor.env(home);
    String id;
    long catalogRecords;
    long total;
    String token;
    String pending;
    try (Harbor first = TestHarbor.start(env)) {
      token = TestHarbor.operatorToken(home);
      Api operator = new Api(first.nodeUrl(), token);
      long hubTotal = new Api(first.hubUrl(), null).get("/v1/mcp/catalog?size=1").total();
      await().atMost(Duration.ofMinutes(2)).until(() -> operator.get("/v1/mcp/catalog?size=1").total() == hubTotal);
      id = entryId(operator.get("/v1/mcp/catalog/search?q=fetch&launcherKind=docker").items().get(0));
      assertThat(operator.post("/v1/mcp/catalog/" + id + "/disable", "{\"reason\":\"kept across restarts\"}").status())
          .isEqualTo(200);
      total = hubTotal;
      String agentToken = (String) operator.post("/v1/tokens", "{\"kind\":\"agent\",\"name\":\"agent-r\"}").json().get("token");
      String target = entryId(operator.get("/v1/mcp/catalog/search?q=time&launcherKind=docker").items().get(0));
      Api.Reply accepted = operator.as(agentToken).post("/v1/mcp/setup", "{\"catalogId\":\"" + target + "\",\"idempotencyKey\":\"restart-probe\"}");
      assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
      pending = (String) accepted.json().get("instanceId");
      await().atMost(Duration.ofSeconds(30)).until(() -> "pending_approval".equals(operator.get("/v1/mcp/instances/" + pending).json().get("status")));
      catalogRecords = catalogRecordCount(first);
    }

    try (Harbor second = TestHarbor.start(env)) {
      Api operator = new Api(second.nodeUrl(), TestHarbor.operatorToken(home));

      assertThat(TestHarbor.operatorToken(home)).isEqualTo(token);
      assertThat(Files.getPosixFilePermissions(home.resolve("operator.token")))
          .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
      assertThat(operator.get("/v1/mcp/catalog?size=1").total()).isEqualTo(total);
      @SuppressWarnings("unchecked")
      Map<String, Object> local = (Map<String, Object>) operator.get("/v1/mcp/catalog/" + id).json().get("local");
      assertThat(local).containsEntry("enabled", false).containsEntry("reason", "kept across restarts");
      assertThat(catalogRecordCount(second)).isEqualTo(catalogRecords);

      assertThat(operator.get("/v1/mcp/approvals").body()).contains(pending);
      assertThat(operator.post("/v1/mcp/instances/" + pending + "/approve", "{}").status()).isIn(200, 202);
      await().atMost(Duration.ofSeconds(30)).until(() -> "installing".equals(operator.get("/v1/mcp/instances/" + pending).json().get("status")));
      assertThat(TopicRecords.read(second, Topics.orders(second.settings().nodeId()), o -> pending.equals(o.instanceId()))).hasSize(1);
      assertThat(TopicRecords.read(second, Topics.audit(second.settings().nodeId()),
              e -> pending.equals(e.instanceId()) && e.type() == dev.harbor.schemas.audit.AuditEventType.SETUP_REQUESTED))
          .hasSize(1);
    }
  }

  @SuppressWarnings("unchecked")
  private static String entryId(Map<String, Object> item) {
    return (String) ((Map<String, Object>) item.get("entry")).get("id");
  }

  private static long catalogRecordCount(Harbor harbor) throws IOException {
    KafkaSettings settings = KafkaSettings.local(Files.readString(harbor.settings().bootstrapFile()).trim());
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(settings.consumerProps("catalog-counter", null), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(Topics.CATALOG.name()).stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
    }
  }
}
