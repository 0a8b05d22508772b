package dev.harbor.node;

import dev.harbor.schemas.topics.Topics;
import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * {@code harbor.node.*}: this node's id, which names its topics, its data folder and its containers,
 * and how long a request waits for the node's mirror to show the effect of the command it sent.
 */
@ConfigurationProperties("harbor.node")
public class NodeConfig {

  private String id = "default";
  private Duration applyTimeout = Duration.ofSeconds(10);
  private Duration setupWait = Duration.ofSeconds(3);

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = Topics.requireNodeId(id);
  }

  /** How long enable, disable, approve, deny, remove and restart wait for their effect before answering 202. */
  public Duration getApplyTimeout() {
    return applyTimeout;
  }

  public void setApplyTimeout(Duration applyTimeout) {
    this.applyTimeout = requirePositive(applyTimeout, "harbor.node.apply-timeout");
  }

  /** How long a setup request waits for its instance to appear before answering without a status. */
  public Duration getSetupWait() {
    return setupWait;
  }

  public void setSetupWait(Duration setupWait) {
    this.setupWait = requirePositive(setupWait, "harbor.node.setup-wait");
  }

  private static Duration requirePositive(Duration value, String name) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be a positive duration, not " + value);
    }
    return value;
  }
}
