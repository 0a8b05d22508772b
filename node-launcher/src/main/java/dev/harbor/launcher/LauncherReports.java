package dev.harbor.launcher;

import dev.harbor.schemas.launch.LauncherEvent;
import dev.harbor.schemas.topics.Topic;
import dev.harbor.schemas.topics.Topics;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Sends the launcher's reports to the node's launcher-events topic, waiting for each to be stored. */
public class LauncherReports {

  private final Producer<String, LauncherEvent> producer;
  private final Topic<String, LauncherEvent> topic;

  public LauncherReports(Producer<String, LauncherEvent> producer, String nodeId) {
    this.producer = producer;
    this.topic = Topics.launcherEvents(nodeId);
  }

  /** Sends the report and returns once Kafka has it. */
  public void send(LauncherEvent event) throws LaunchFailure {
    try {
      producer.send(new ProducerRecord<>(topic.name(), event.instanceId(), event)).get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LaunchFailure("interrupted while reporting " + event.type().wire(), e);
    } catch (ExecutionException | TimeoutException e) {
      throw new LaunchFailure("could not report " + event.type().wire() + " to Kafka: " + e.getMessage(), e);
    }
  }
}
