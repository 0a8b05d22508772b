package dev.harbor.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.platform.kafka.KafkaSettings;
import io.micronaut.context.ApplicationContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HarborConfigTest {

  @Test
  void dottedClientSettingsReachEveryKafkaClientVerbatim() {
    try (ApplicationContext context =
        ApplicationContext.run(
            Map.of(
                "harbor.kafka.bootstrap-servers", "kafka1:9092",
                "harbor.kafka.replication-factor", "3",
                "harbor.kafka.client.security.protocol", "SASL_SSL",
                "harbor.kafka.client.sasl.mechanism", "SCRAM-SHA-512"))) {
      KafkaSettings settings = context.getBean(KafkaSettings.class);

      assertThat(settings.bootstrapServers()).isEqualTo("kafka1:9092");
      assertThat(settings.replicationFactor()).isEqualTo((short) 3);
      assertThat(settings.clientOverrides())
          .containsEntry("security.protocol", "SASL_SSL")
          .containsEntry("sasl.mechanism", "SCRAM-SHA-512");
      assertThat(settings.producerProps("p")).containsEntry("security.protocol", "SASL_SSL");
      assertThat(settings.consumerProps("c", null)).containsEntry("sasl.mechanism", "SCRAM-SHA-512");
    }
  }
}
