package dev.harbor.kafka.embedded;

import static dev.harbor.kafka.embedded.TestClients.createTopic;
import static dev.harbor.kafka.embedded.TestClients.readAtLeast;
import static dev.harbor.kafka.embedded.TestClients.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaTest {

  @TempDir static Path sharedDir;

  private static EmbeddedKafka kafka;

  @BeforeAll
  static void startBroker() {
    kafka = EmbeddedKafka.start(sharedDir, 0);
  }

  @AfterAll
  static void stopBroker() {
    kafka.close();
  }

  @Test
  void a_produced_record_is_consumed_back_with_its_key_and_value() throws Exception {
    createTopic(kafka, "greetings");

    send(kafka, "greetings", "k1", "hello");

    List<ConsumerRecord<String, String>> records =
        readAtLeast(kafka, "greetings", 1, "read_uncommitted");
    assertThat(records).extracting(ConsumerRecord::key, ConsumerRecord::value)
        .containsExactly(tuple("k1", "hello"));
  }

  @Test
  void a_read_committed_consumer_sees_committed_transactions_and_never_aborted_ones()
      throws Exception {
    createTopic(kafka, "ledger");
    try (KafkaProducer<String, String> producer =
        TestClients.producer(kafka, Map.of("transactional.id", "ledger-writer"))) {
      producer.initTransactions();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>("ledger", "a", "aborted"));
      producer.flush();
      producer.abortTransaction();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>("ledger", "b", "committed"));
      producer.commitTransaction();
    }
    send(kafka, "ledger", "c", "after");

    List<ConsumerRecord<String, String>> records = readAtLeast(kafka, "ledger", 2, "read_committed");

    assertThat(records).extracting(ConsumerRecord::value).containsExactly("committed", "after");
  }

  @Test
  void the_reported_bootstrap_address_is_on_loopback_and_the_data_dir_is_the_given_one() {
    assertThat(kafka.bootstrapServers()).isEqualTo("127.0.0.1:" + kafka.port());
    assertThat(kafka.port()).isPositive();
    assertThat(kafka.dataDir()).isEqualTo(sharedDir.toAbsolutePath());
  }

  @Test
  void starting_on_a_port_that_is_already_taken_fails_with_a_message_naming_the_port(
      @TempDir Path dir) throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();

      assertThatThrownBy(() -> EmbeddedKafka.start(dir, port))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("port " + port)
          .hasMessageContaining("already in use");
    }
  }
}
