package dev.harbor.node;

import dev.harbor.schemas.topics.Topics;
import io.micronaut.context.annotation.ConfigurationProperties;

/** {@code harbor.node.*}: this node's id, which names its topics, its data folder and its containers. */
@ConfigurationProperties("harbor.node")
public class NodeConfig {

  private String id = "default";

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = Topics.requireNodeId(id);
  }
}
