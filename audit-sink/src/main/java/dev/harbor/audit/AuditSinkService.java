package dev.harbor.audit;

import dev.harbor.platform.config.HarborConfig;
import dev.harbor.platform.kafka.KafkaSettings;
import dev.harbor.platform.kafka.TopicProvisioner;
import dev.harbor.schemas.topics.Topics;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import java.nio.file.Path;

/**
 * Runs the node's {@link AuditSink} inside the node's Micronaut context: created eagerly at start,
 * it provisions the node's topics, opens the store under {@code $HARBOR_HOME/nodes/<id>/audit-streams}
 * and closes it when the context stops. Other node beans ask it for the {@link AuditStore}.
 */
@Context
@Requires(env = "node")
public class AuditSinkService {

  private final AuditSink sink;

  AuditSinkService(
      HarborConfig harbor,
      KafkaSettings settings,
      TopicProvisioner topics,
      @Value("${harbor.node.id:default}") String nodeId) {
    Topics.requireNodeId(nodeId);
    topics.ensure(Topics.nodeTopics(nodeId));
    Path stateRoot = harbor.getHome().resolve("nodes").resolve(nodeId).resolve("audit-streams");
    this.sink = new AuditSink(nodeId, settings, stateRoot).start();
  }

  /** The node's audit store; it answers 503 until it has loaded the audit topic. */
  public AuditStore store() {
    return sink;
  }

  /** The sink itself, for waiting on readiness or on applied offsets. */
  public AuditSink sink() {
    return sink;
  }

  @PreDestroy
  void close() {
    sink.close();
  }
}
