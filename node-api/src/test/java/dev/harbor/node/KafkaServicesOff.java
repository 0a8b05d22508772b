package dev.harbor.node;

import dev.harbor.audit.AuditSinkService;
import dev.harbor.node.policy.NodePolicy;
import dev.harbor.policy.PolicyStreamService;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;

/**
 * Keeps the Kafka-backed services a node starts eagerly (the policy stream, the audit sink, the
 * node's policy publisher) from starting in a test context that sets their property to {@code off}:
 * contexts without a broker, and tests that play the policy stream's part themselves by publishing
 * its outputs.
 */
public final class KafkaServicesOff {

  public static final String POLICY_STREAM = "harbor.test.policy-stream";
  public static final String AUDIT_SINK = "harbor.test.audit-sink";
  public static final String NODE_POLICY = "harbor.test.node-policy";

  private KafkaServicesOff() {}

  /** Stands in for the policy stream, doing nothing. */
  @Context
  @Replaces(PolicyStreamService.class)
  @Requires(env = "test")
  @Requires(property = POLICY_STREAM, value = "off")
  static final class PolicyStreamOff {}

  /** Stands in for the audit sink, doing nothing. */
  @Context
  @Replaces(AuditSinkService.class)
  @Requires(env = "test")
  @Requires(property = AUDIT_SINK, value = "off")
  static final class AuditSinkOff {}

  /** Stands in for the node's policy publisher, doing nothing. */
  @Context
  @Replaces(NodePolicy.class)
  @Requires(env = "test")
  @Requires(property = NODE_POLICY, value = "off")
  static final class NodePolicyOff {}
}
