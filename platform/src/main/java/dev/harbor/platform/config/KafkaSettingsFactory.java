package dev.harbor.platform.config;

import dev.harbor.platform.kafka.KafkaSettings;
import dev.harbor.platform.kafka.TopicProvisioner;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;
import java.util.Map;

/** Makes the {@link KafkaSettings} and {@link TopicProvisioner} every service uses from {@link HarborConfig}. */
@Factory
class KafkaSettingsFactory {

  @Singleton
  KafkaSettings kafkaSettings(HarborConfig config) {
    HarborConfig.Kafka kafka = config.getKafka();
    if (kafka.getBootstrapServers() == null || kafka.getBootstrapServers().isBlank()) {
      throw new ConfigurationException("harbor.kafka.bootstrap-servers is not set");
    }
    return new KafkaSettings(
        kafka.getBootstrapServers(),
        kafka.getReplicationFactor(),
        kafka.getMinInsyncReplicas(),
        Map.copyOf(kafka.getClient()));
  }

  @Singleton
  TopicProvisioner topicProvisioner(KafkaSettings settings) {
    return new TopicProvisioner(settings);
  }
}
