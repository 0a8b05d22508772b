package dev.harbor.node;

import dev.harbor.kafka.embedded.EmbeddedKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One embedded Kafka broker for every node test in this JVM, started on first use and stopped when
 * the JVM exits. Tests keep apart by using their own node id, and catalog ids under it.
 */
public final class TestBroker {

  private static EmbeddedKafka broker;

  private TestBroker() {}

  public static synchronized String bootstrapServers() {
    if (broker == null) {
      try {
        Path dir = Files.createTempDirectory("harbor-node-test-kafka");
        broker = EmbeddedKafka.start(dir, 0);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "test-broker-stop"));
    }
    return broker.bootstrapServers();
  }
}
