package dev.harbor.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbor.schemas.instance.Instance;
import dev.harbor.schemas.instance.InstanceStatus;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The SDK runs on the JDK and the contract records alone: its test class path is what an SDK user
 * gets, and it holds no Kafka client, yet records that check their node id decode.
 */
class DependenciesTest {

  @Test
  void noKafkaClassIsOnTheClassPathAndInstancesStillDecode() throws IOException {
    assertThatThrownBy(() -> Class.forName("org.apache.kafka.common.serialization.Serde"))
        .isInstanceOf(ClassNotFoundException.class);

    try (FakeNode node = new FakeNode()) {
      node.onJson("GET", "/v1/mcp/instances/i-1", 200, Samples.instance("i-1", "active"));
      Instance instance = node.client().instance("i-1").instance();
      assertThat(instance.status()).isEqualTo(InstanceStatus.ACTIVE);
    }
  }
}
