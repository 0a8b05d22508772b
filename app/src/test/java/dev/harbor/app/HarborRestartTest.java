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

/** A second start on the same data directory keeps everything and republishes nothing. */
class HarborRestartTest {

  @TempDir Path home;

  @Test
  void aRestartKeepsTheCatalogTheNodeStateAndTheOperatorToken() throws IOException {
    Map<String, String> env = TestHarbor.env(home);
    String id;
    long catalogRecords;
    long total;
    String token;
    try (Harbor first = TestHarbor.start(env)) {
      token = TestHarbor.operatorToken(home);
      Api operator = new Api(first.nodeUrl(), token);
      long hubTotal = new Api(first.hubUrl(), null).get("/v1/mcp/catalog?size=1").total();
      await().atMost(Duration.ofMinutes(2)).until(() -> operator.get("/v1/mcp/catalog?size=1").total() == hubTotal);
      id = entryId(operator.get("/v1/mcp/catalog/search?q=fetch&launcherKind=docker").items().get(0));
      assertThat(operator.post("/v1/mcp/catalog/" + id + "/disable", "{\"reason\":\"kept across restarts\"}").status())
          .isEqualTo(200);
      total = hubTotal;
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
