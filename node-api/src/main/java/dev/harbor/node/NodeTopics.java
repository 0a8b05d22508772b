package dev.harbor.node;

import dev.harbor.platform.kafka.TopicProvisioner;
import dev.harbor.schemas.topics.Topic;
import dev.harbor.schemas.topics.Topics;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes sure the Hub catalog topic and every topic of this node exist before anything reads or
 * writes them. Beans that use Kafka take it as a constructor argument, so provisioning runs once and
 * first, whichever of them the node creates first.
 */
@Singleton
@Requires(env = "node")
public final class NodeTopics {

  private final String nodeId;

  NodeTopics(NodeConfig node, TopicProvisioner provisioner) {
    this.nodeId = node.getId();
    List<Topic<?, ?>> needed = new ArrayList<>(Topics.hubTopics());
    needed.addAll(Topics.nodeTopics(nodeId));
    provisioner.ensure(needed);
  }

  /** The node whose topics these are. */
  public String nodeId() {
    return nodeId;
  }
}
