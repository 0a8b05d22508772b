package dev.harbor.kafka.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka cluster running in this JVM: one KRaft node that is both broker and
 * controller, listening on 127.0.0.1 only, built from Kafka's own server classes.
 *
 * <p>Everything lives under the data directory: the first start formats it with a freshly
 * generated cluster id, later starts reuse it, so topics, records, committed offsets and
 * transactions survive a restart (on the same port or another one). The node supports consumer
 * groups, transactions and exactly-once Kafka Streams; topics are never auto-created.
 *
 * <p>The broker logs through SLF4J under the {@code kafka}, {@code org.apache.kafka} and {@code
 * state.change.logger} loggers; set those to WARN to keep its start-up chatter out of an
 * application's log.
 */
public final class EmbeddedKafka implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
  private static final String LOG_SUBDIR = "kafka-logs";

  private final KafkaRaftServer server;
  private final Path dataDir;
  private final int port;
  private boolean closed;

  private EmbeddedKafka(KafkaRaftServer server, Path dataDir, int port) {
    this.server = server;
    this.dataDir = dataDir;
    this.port = port;
  }

  /**
   * Starts a node on the data directory, formatting it first if it has never held a cluster.
   *
   * @param dataDir where logs and cluster metadata are kept; created when missing
   * @param port the client port on 127.0.0.1, or 0 for any free port
   * @return the running node, ready for clients
   * @throws IllegalStateException when the port is in use or the node cannot start
   */
  public static EmbeddedKafka start(Path dataDir, int port) {
    Path absoluteDir = dataDir.toAbsolutePath();
    Path logDir = absoluteDir.resolve(LOG_SUBDIR);
    int brokerPort = LoopbackPorts.claim(port);
    int controllerPort = LoopbackPorts.pickFreeExcept(brokerPort);
    createDirectories(logDir);

    KafkaConfig config =
        KafkaConfig.fromProps(BrokerProperties.of(logDir, brokerPort, controllerPort), false);
    StorageFormatter.formatIfNeeded(config, logDir);

    long startedAt = System.nanoTime();
    KafkaRaftServer server;
    try {
      server = new KafkaRaftServer(config, Time.SYSTEM);
    } catch (RuntimeException e) {
      throw startFailure(brokerPort, absoluteDir, e);
    }
    try {
      server.startup();
    } catch (RuntimeException e) {
      stopQuietly(server);
      throw startFailure(brokerPort, absoluteDir, e);
    }
    LOG.info(
        "embedded Kafka started on {}:{} in {} ms (data in {})",
        LoopbackPorts.HOST,
        brokerPort,
        (System.nanoTime() - startedAt) / 1_000_000,
        absoluteDir);
    return new EmbeddedKafka(server, absoluteDir, brokerPort);
  }

  /** The {@code bootstrap.servers} value clients use to reach this node. */
  public String bootstrapServers() {
    return LoopbackPorts.HOST + ":" + port;
  }

  /** The client port on 127.0.0.1. */
  public int port() {
    return port;
  }

  /** The directory holding this node's logs and metadata. */
  public Path dataDir() {
    return dataDir;
  }

  /**
   * Shuts the node down and waits until it has stopped. Later calls return at once; a call made
   * while another thread is closing waits for that to finish.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    server.shutdown();
    server.awaitShutdown();
    LOG.info("embedded Kafka on {} stopped", bootstrapServers());
  }

  private static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create Kafka data directory " + dir, e);
    }
  }

  private static IllegalStateException startFailure(int port, Path dir, RuntimeException cause) {
    return new IllegalStateException(
        "embedded Kafka on " + LoopbackPorts.HOST + ":" + port + " with data in " + dir
            + " failed to start: " + cause.getMessage(),
        cause);
  }

  private static void stopQuietly(KafkaRaftServer server) {
    try {
      server.shutdown();
      server.awaitShutdown();
    } catch (RuntimeException e) {
      LOG.warn("embedded Kafka did not shut down cleanly after a failed start", e);
    }
  }
}
