package dev.harbor.node.policy;

import dev.harbor.node.NodeConfig;
import dev.harbor.node.NodeTopics;
import dev.harbor.node.audit.AuditRecorder;
import dev.harbor.node.identity.Caller;
import dev.harbor.platform.config.HarborConfig;
import dev.harbor.platform.kafka.KafkaSettings;
import dev.harbor.platform.mirror.MirrorListener;
import dev.harbor.platform.mirror.TopicMirror;
import dev.harbor.policy.PolicyDefaults;
import dev.harbor.policy.PolicyFiles;
import dev.harbor.schemas.audit.AuditEvent;
import dev.harbor.schemas.audit.AuditEventType;
import dev.harbor.schemas.audit.AuditOutcome;
import dev.harbor.schemas.node.Actor;
import dev.harbor.schemas.node.CallerKind;
import dev.harbor.schemas.policy.PolicyRule;
import dev.harbor.schemas.policy.PolicySet;
import dev.harbor.schemas.topics.Topic;
import dev.harbor.schemas.topics.Topics;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's policy: the rules in {@code $HARBOR_HOME/nodes/<id>/policy.yaml} (written with the safe
 * defaults on first start), published to the node's compacted policy topic, where the policy stream
 * reads them. At start a file that differs from the topic is published as a new version; an operator
 * can replace the rules through the API, which rewrites the file too. Every change is audited.
 */
@Context
@Requires(env = "node")
public class NodePolicy {

  private static final Logger LOG = LoggerFactory.getLogger(NodePolicy.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final String nodeId;
  private final Path file;
  private final Topic<String, PolicySet> topic;
  private final AtomicReference<PolicySet> current = new AtomicReference<>();
  private final TopicMirror mirror;
  private final KafkaProducer<String, PolicySet> producer;
  private final AuditRecorder audit;
  private final Clock clock = Clock.systemUTC();

  NodePolicy(
      HarborConfig harbor, NodeConfig node, NodeTopics topics, KafkaSettings settings, AuditRecorder audit)
      throws InterruptedException {
    this.nodeId = topics.nodeId();
    this.file = PolicyFiles.path(harbor.getHome(), nodeId);
    this.topic = Topics.policy(nodeId);
    this.audit = audit;
    this.producer =
        new KafkaProducer<>(
            settings.producerProps("harbor-node-" + nodeId + "-policy"),
            topic.keySerde().serializer(),
            topic.valueSerde().serializer());
    this.mirror =
        TopicMirror.builder(
                "harbor-node-" + nodeId + "-policy-view",
                settings,
                harbor.getHome().resolve("nodes").resolve(nodeId).resolve("policy-view"))
            .mirror(topic, "node-policy", new Listener())
            .build()
            .start();
    if (!mirror.awaitReady(TIMEOUT)) {
      throw new IllegalStateException("the node's policy topic could not be read within " + TIMEOUT);
    }
    publishFileIfChanged();
  }

  /** The policy in force: the latest on the topic, or the defaults before any was published. */
  public PolicySet current() {
    PolicySet set = current.get();
    return set != null ? set : PolicyDefaults.policySet(nodeId, clock.instant());
  }

  /**
   * Replaces the rules: checks them, writes the policy file, publishes the new version and audits it.
   *
   * @throws dev.harbor.policy.InvalidPolicyException naming the rule and field that are wrong
   */
  public synchronized PolicySet replace(List<PolicyRule> rules, Caller by) {
    List<PolicyRule> checked = PolicyFiles.parse(PolicyFiles.toYaml(rules));
    try {
      PolicyFiles.save(file, checked);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    return publish(checked, by.actor());
  }

  private void publishFileIfChanged() {
    List<PolicyRule> rules;
    try {
      rules = PolicyFiles.loadOrCreateDefault(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    PolicySet published = current.get();
    if (published == null || !published.rules().equals(rules)) {
      publish(rules, new Actor(CallerKind.SYSTEM, nodeId, null));
      LOG.info("policy from {} published ({} rules)", file, rules.size());
    }
  }

  private synchronized PolicySet publish(List<PolicyRule> rules, Actor by) {
    PolicySet previous = current.get();
    PolicySet next = new PolicySet(previous == null ? 1 : previous.version() + 1, rules, by, clock.instant());
    try {
      RecordMetadata written = producer.send(new ProducerRecord<>(topic.name(), PolicySet.KEY, next)).get();
      if (!mirror.awaitApplied(
          Map.of(new TopicPartition(written.topic(), written.partition()), written.offset()), TIMEOUT)) {
        throw new IllegalStateException("the policy view did not apply version " + next.version());
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("publishing the policy failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while publishing the policy", e);
    }
    audit.record(
        new AuditEvent(
            UUID.randomUUID().toString(),
            nodeId,
            AuditEventType.POLICY_CHANGED,
            next.updatedAt(),
            by,
            null,
            null,
            "policy version " + next.version() + " with " + rules.size() + " rules",
            Map.of("version", String.valueOf(next.version()), "rules", String.valueOf(rules.size())),
            "policy.update",
            AuditOutcome.SUCCEEDED,
            null,
            null));
    return next;
  }

  @PreDestroy
  void close() {
    producer.close(Duration.ofSeconds(10));
    mirror.close();
  }

  private final class Listener implements MirrorListener<PolicySet> {
    @Override
    public void upsert(String key, PolicySet value) {
      if (PolicySet.KEY.equals(key)) {
        current.set(value);
      }
    }

    @Override
    public void remove(String key) {
      if (PolicySet.KEY.equals(key)) {
        current.set(null);
      }
    }
  }
}
