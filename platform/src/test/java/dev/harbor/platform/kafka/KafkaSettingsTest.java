package dev.harbor.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaSettingsTest {

  private final KafkaSettings local = KafkaSettings.local("127.0.0.1:9092");

  @Test
  void local_settings_replicate_once_and_need_one_in_sync_replica() {
    assertThat(local.replicationFactor()).isEqualTo((short) 1);
    assertThat(local.minInsyncReplicas()).isEqualTo(1);
    assertThat(local.clientOverrides()).isEmpty();
    assertThat(local.adminProps()).containsEntry("bootstrap.servers", "127.0.0.1:9092");
  }

  @Test
  void producers_are_idempotent_wait_for_all_replicas_and_leave_serializers_to_the_caller() {
    Map<String, Object> props = local.producerProps("hub-writer");

    assertThat(props)
        .containsEntry("bootstrap.servers", "127.0.0.1:9092")
        .containsEntry("client.id", "hub-writer")
        .containsEntry("enable.idempotence", true)
        .containsEntry("acks", "all")
        .doesNotContainKeys("key.serializer", "value.serializer");
  }

  @Test
  void consumers_read_only_committed_data_and_join_a_group_only_when_given_one() {
    Map<String, Object> grouped = local.consumerProps("reader", "catalog-mirror");
    Map<String, Object> ungrouped = local.consumerProps("reader", null);

    assertThat(grouped)
        .containsEntry("isolation.level", "read_committed")
        .containsEntry("group.id", "catalog-mirror")
        .containsEntry("client.id", "reader")
        .doesNotContainKeys("key.deserializer", "value.deserializer");
    assertThat(ungrouped)
        .containsEntry("isolation.level", "read_committed")
        .doesNotContainKey("group.id");
  }

  @Test
  void streams_run_exactly_once_with_the_configured_replication_and_a_quick_commit_interval(
      @TempDir Path stateDir) {
    KafkaSettings cluster = new KafkaSettings("kafka-1:9092,kafka-2:9092", (short) 3, 2, Map.of());

    Map<String, Object> props = cluster.streamsProps("node-policy", stateDir);

    assertThat(props)
        .containsEntry("application.id", "node-policy")
        .containsEntry("bootstrap.servers", "kafka-1:9092,kafka-2:9092")
        .containsEntry("processing.guarantee", "exactly_once_v2")
        .containsEntry("replication.factor", 3)
        .containsEntry("topic.min.insync.replicas", 2)
        .containsEntry("commit.interval.ms", 100)
        .containsEntry("state.dir", stateDir.toAbsolutePath().toString())
        .containsKey("statestore.cache.max.bytes");
  }

  @Test
  void client_overrides_are_applied_on_top_of_every_props_map(@TempDir Path stateDir) {
    KafkaSettings secured =
        new KafkaSettings(
            "broker:9093",
            (short) 1,
            1,
            Map.of("security.protocol", "SASL_SSL", "acks", "1", "commit.interval.ms", "1000"));

    assertThat(secured.adminProps()).containsEntry("security.protocol", "SASL_SSL");
    assertThat(secured.producerProps("p"))
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("acks", "1");
    assertThat(secured.consumerProps("c", "g")).containsEntry("security.protocol", "SASL_SSL");
    assertThat(secured.streamsProps("app", stateDir))
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("commit.interval.ms", "1000");
  }

  @Test
  void more_in_sync_replicas_than_replicas_is_rejected() {
    assertThatThrownBy(() -> new KafkaSettings("broker:9092", (short) 1, 2, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("minInsyncReplicas");
  }

  @Test
  void the_text_form_names_override_keys_but_hides_their_values() {
    KafkaSettings secured =
        new KafkaSettings(
            "broker:9093", (short) 1, 1, Map.of("sasl.jaas.config", "password=\"s3cret\""));

    assertThat(secured.toString()).contains("sasl.jaas.config").doesNotContain("s3cret");
  }
}
