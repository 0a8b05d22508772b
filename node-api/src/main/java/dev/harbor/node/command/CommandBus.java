package dev.harbor.node.command;

import dev.harbor.node.NodeTopics;
import dev.harbor.platform.kafka.KafkaSettings;
import dev.harbor.schemas.command.Command;
import dev.harbor.schemas.topics.Topic;
import dev.harbor.schemas.topics.Topics;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Sends commands to this node's commands topic, the only topic the REST layer writes: an idempotent
 * producer that waits for every in-sync replica, keyed by {@link Command#subject()}, with the
 * command's time as the record's timestamp. {@link #send} returns once the broker acknowledged the
 * command; the node's policy stream decides what it leads to.
 */
@Singleton
@Requires(env = "node")
public class CommandBus {

  private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

  private final String nodeId;
  private final Topic<String, Command> topic;
  private final KafkaProducer<String, Command> producer;

  CommandBus(NodeTopics topics, KafkaSettings settings) {
    this.nodeId = topics.nodeId();
    this.topic = Topics.commands(nodeId);
    this.producer =
        new KafkaProducer<>(
            settings.producerProps("harbor-node-" + nodeId + "-commands"),
            topic.keySerde().serializer(),
            topic.valueSerde().serializer());
  }

  /** The node these commands are for. */
  public String nodeId() {
    return nodeId;
  }

  /**
   * Sends one command and waits until the broker has it.
   *
   * @throws IllegalArgumentException when the command is for another node
   * @throws IllegalStateException when the broker did not acknowledge it in time
   */
  public RecordMetadata send(Command command) {
    if (!nodeId.equals(command.nodeId())) {
      throw new IllegalArgumentException(
          "command " + command.id() + " is for node " + command.nodeId() + ", not " + nodeId);
    }
    ProducerRecord<String, Command> record =
        new ProducerRecord<>(topic.name(), null, command.at().toEpochMilli(), command.subject(), command);
    try {
      return producer.send(record).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "command " + command.id() + " (" + command.type().wire() + ") was not accepted by Kafka", e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "command " + command.id() + " (" + command.type().wire() + ") was not acknowledged within " + SEND_TIMEOUT, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while sending command " + command.id(), e);
    }
  }

  @PreDestroy
  void close() {
    producer.close(Duration.ofSeconds(10));
  }
}
