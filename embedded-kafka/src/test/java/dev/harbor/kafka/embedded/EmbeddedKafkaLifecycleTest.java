package dev.harbor.kafka.embedded;

import static dev.harbor.kafka.embedded.TestClients.clusterId;
import static dev.harbor.kafka.embedded.TestClients.createTopic;
import static dev.harbor.kafka.embedded.TestClients.readAtLeast;
import static dev.harbor.kafka.embedded.TestClients.send;
import static dev.harbor.kafka.embedded.TestClients.topicNames;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaLifecycleTest {

  @Test
  void topics_records_and_cluster_id_survive_a_double_close_and_restarts_on_the_same_port_and_a_new_one(
      @TempDir Path dir) throws Exception {
    int port;
    String clusterId;
    long firstStart = System.nanoTime();
    EmbeddedKafka first = EmbeddedKafka.start(dir, 0);
    report("first start (format + start)", firstStart);
    port = first.port();
    clusterId = clusterId(first);
    createTopic(first, "durable");
    send(first, "durable", "k", "kept");
    long closing = System.nanoTime();
    first.close();
    report("close", closing);
    first.close();

    long samePortStart = System.nanoTime();
    try (EmbeddedKafka samePort = EmbeddedKafka.start(dir, port)) {
      report("restart on the same port", samePortStart);
      assertThat(samePort.port()).isEqualTo(port);
      assertThat(clusterId(samePort)).isEqualTo(clusterId);
      assertThat(readAtLeast(samePort, "durable", 1, "read_committed"))
          .extracting(ConsumerRecord::value)
          .containsExactly("kept");
    }

    long newPortStart = System.nanoTime();
    try (EmbeddedKafka newPort = EmbeddedKafka.start(dir, 0)) {
      report("restart on a new port", newPortStart);
      assertThat(clusterId(newPort)).isEqualTo(clusterId);
      assertThat(topicNames(newPort)).contains("durable");
      assertThat(readAtLeast(newPort, "durable", 1, "read_committed"))
          .extracting(ConsumerRecord::value)
          .containsExactly("kept");
    }
  }

  @Test
  void two_nodes_on_two_data_dirs_run_side_by_side_as_separate_clusters(
      @TempDir Path left, @TempDir Path right) throws Exception {
    try (EmbeddedKafka a = EmbeddedKafka.start(left, 0);
        EmbeddedKafka b = EmbeddedKafka.start(right, 0)) {
      createTopic(a, "only-on-a");
      createTopic(b, "only-on-b");

      assertThat(a.bootstrapServers()).isNotEqualTo(b.bootstrapServers());
      assertThat(clusterId(a)).isNotEqualTo(clusterId(b));
      assertThat(topicNames(a)).contains("only-on-a").doesNotContain("only-on-b");
      assertThat(topicNames(b)).contains("only-on-b").doesNotContain("only-on-a");
    }
  }

  private static void report(String what, long startedNanos) {
    System.out.printf("%s took %d ms%n", what, (System.nanoTime() - startedNanos) / 1_000_000);
  }
}
