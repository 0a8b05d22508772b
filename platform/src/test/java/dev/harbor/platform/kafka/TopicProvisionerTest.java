package dev.harbor.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.harbor.kafka.embedded.EmbeddedKafka;
import dev.harbor.schemas.topics.Topic;
import dev.harbor.schemas.topics.Topics;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopicProvisionerTest {

  private static final long ONE_YEAR_MS = 365L * 24 * 3600 * 1000;

  @TempDir static Path dataDir;

  private static EmbeddedKafka kafka;
  private static KafkaSettings settings;
  private static Admin admin;

  private final TopicProvisioner provisioner = new TopicProvisioner(settings);

  @BeforeAll
  static void startKafka() {
    kafka = EmbeddedKafka.start(dataDir, 0);
    settings = KafkaSettings.local(kafka.bootstrapServers());
    admin = Admin.create(settings.adminProps());
  }

  @AfterAll
  static void stopKafka() {
    admin.close();
    kafka.close();
  }

  @Test
  void the_catalog_topic_is_created_compacted_with_its_configs_partitions_and_replication()
      throws Exception {
    provisioner.ensure(Topics.hubTopics());

    String name = Topics.CATALOG.name();
    TopicDescription description = describe(name);
    assertThat(description.partitions()).hasSize(3);
    assertThat(description.partitions().getFirst().replicas()).hasSize(1);
    Config config = configOf(name);
    assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
    assertThat(config.get("min.compaction.lag.ms").value()).isEqualTo("0");
    assertThat(config.get("max.message.bytes").value()).isEqualTo("1048576");
    ConfigEntry minIsr = config.get("min.insync.replicas");
    assertThat(minIsr.value()).isEqualTo("1");
    assertThat(minIsr.source()).isEqualTo(ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG);
  }

  @Test
  void node_topics_of_two_nodes_are_distinct_and_audit_deletes_after_its_retention()
      throws Exception {
    provisioner.ensure(Topics.nodeTopics("alpha"));
    provisioner.ensure(Topics.nodeTopics("beta"));

    List<String> names =
        List.of(
            Topics.catalogState("alpha").name(),
            Topics.audit("alpha").name(),
            Topics.catalogState("beta").name(),
            Topics.audit("beta").name());
    assertThat(names).doesNotHaveDuplicates();
    assertThat(admin.listTopics().names().get()).containsAll(names);

    String audit = Topics.audit("alpha").name();
    assertThat(configOf(audit).get("cleanup.policy").value()).isEqualTo("delete");
    assertThat(configOf(audit).get("retention.ms").value()).isEqualTo(String.valueOf(ONE_YEAR_MS));
    assertThat(describe(audit).partitions()).hasSize(3);
    String state = Topics.catalogState("beta").name();
    assertThat(configOf(state).get("cleanup.policy").value()).isEqualTo("compact");
    assertThat(describe(state).partitions()).hasSize(1);
  }

  @Test
  void ensuring_again_leaves_existing_topics_and_their_operator_tuned_configs_alone()
      throws Exception {
    List<Topic<?, ?>> topics = Topics.nodeTopics("twice");
    provisioner.ensure(topics);
    String audit = Topics.audit("twice").name();
    Uuid idBefore = describe(audit).topicId();
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, audit);
    AlterConfigOp shorterRetention =
        new AlterConfigOp(new ConfigEntry("retention.ms", "86400000"), AlterConfigOp.OpType.SET);
    admin.incrementalAlterConfigs(Map.of(resource, List.of(shorterRetention))).all().get();
    await().until(() -> configOf(audit).get("retention.ms").value().equals("86400000"));

    provisioner.ensure(topics);

    assertThat(describe(audit).topicId()).isEqualTo(idBefore);
    assertThat(configOf(audit).get("retention.ms").value()).isEqualTo("86400000");
  }

  @Test
  void an_existing_topic_with_the_wrong_cleanup_policy_is_refused_and_left_unchanged()
      throws Exception {
    String state = Topics.catalogState("wrong").name();
    admin.createTopics(List.of(new NewTopic(state, 1, (short) 1))).all().get();
    await().until(() -> admin.listTopics().names().get().contains(state));

    assertThatThrownBy(() -> provisioner.ensure(Topics.nodeTopics("wrong")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(state)
        .hasMessageContaining("'delete'")
        .hasMessageContaining("'compact'");

    assertThat(configOf(state).get("cleanup.policy").value()).isEqualTo("delete");
    assertThat(admin.listTopics().names().get()).doesNotContain(Topics.audit("wrong").name());
  }

  @Test
  void several_processes_ensuring_the_same_new_topics_at_once_all_succeed() throws Exception {
    List<Topic<?, ?>> topics = Topics.nodeTopics("race");
    CountDownLatch go = new CountDownLatch(1);
    try (ExecutorService pool = Executors.newFixedThreadPool(3)) {
      List<CompletableFuture<Void>> runs =
          IntStream.range(0, 3)
              .mapToObj(
                  i ->
                      CompletableFuture.runAsync(
                          () -> {
                            awaitQuietly(go);
                            new TopicProvisioner(settings).ensure(topics);
                          },
                          pool))
              .toList();
      go.countDown();

      CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get();
    }
    assertThat(configOf(Topics.catalogState("race").name()).get("cleanup.policy").value())
        .isEqualTo("compact");
    assertThat(configOf(Topics.audit("race").name()).get("cleanup.policy").value())
        .isEqualTo("delete");
  }

  @Test
  void an_unreachable_cluster_fails_within_the_configured_timeout_naming_the_address()
      throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      closedPort = socket.getLocalPort();
    }
    String address = "127.0.0.1:" + closedPort;
    TopicProvisioner unreachable =
        new TopicProvisioner(KafkaSettings.local(address), Duration.ofMillis(1500));

    long started = System.nanoTime();
    assertThatThrownBy(() -> unreachable.ensure(Topics.hubTopics()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(address)
        .hasMessageContaining("1500 ms");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
  }

  private static TopicDescription describe(String topic) throws Exception {
    return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
  }

  private static Config configOf(String topic) throws Exception {
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    Collection<ConfigResource> resources = List.of(resource);
    return admin.describeConfigs(resources).all().get().get(resource);
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
