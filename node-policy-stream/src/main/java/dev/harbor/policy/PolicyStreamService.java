package dev.harbor.policy;

import dev.harbor.platform.config.HarborConfig;
import dev.harbor.platform.kafka.KafkaSettings;
import dev.harbor.platform.kafka.TopicProvisioner;
import dev.harbor.schemas.topics.Topic;
import dev.harbor.schemas.topics.Topics;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the node's policy stream ({@link PolicyTopology}) as an exactly-once Kafka Streams
 * application, {@code harbor-node-<id>-policy}, with its state under {@code
 * $HARBOR_HOME/nodes/<id>/policy-streams}. It provisions the node's and the Hub's topics first and
 * starts with the node's context.
 *
 * <p>Configuration: {@code harbor.node.id} (default {@code default}), {@code harbor.home}, {@code
 * harbor.policy.approval-ttl} (default 24h), {@code harbor.policy.expiry-check-interval} (default
 * 30s) and {@code harbor.policy.guardrail-profile} (default {@code restricted}). A command that
 * cannot be read is logged and skipped; a failure while processing stops the stream ({@link
 * #ready()} turns false) rather than skipping a decision.
 */
@Singleton
@Context
@Requires(env = "node")
public class PolicyStreamService implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PolicyStreamService.class);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final String nodeId;
  private final KafkaStreams streams;
  private final CountDownLatch running = new CountDownLatch(1);

  /**
   * Provisions the topics and starts the stream.
   *
   * @param nodeId the node's id ({@code harbor.node.id})
   * @param harbor the shared Harbor settings ({@code harbor.home})
   */
  @Inject
  public PolicyStreamService(
      @Value("${harbor.node.id:default}") String nodeId,
      HarborConfig harbor,
      KafkaSettings kafka,
      TopicProvisioner provisioner,
      @Value("${harbor.policy.approval-ttl:24h}") Duration approvalTtl,
      @Value("${harbor.policy.expiry-check-interval:30s}") Duration expiryCheckInterval,
      @Value("${harbor.policy.guardrail-profile:restricted}") String guardrailProfile) {
    this(nodeId, harbor.getHome(), kafka, provisioner,
        new PolicySettings(approvalTtl, expiryCheckInterval, guardrailProfile));
  }

  /** Provisions the topics and starts the stream, without a Micronaut context. */
  public PolicyStreamService(
      String nodeId, Path harborHome, KafkaSettings kafka, TopicProvisioner provisioner, PolicySettings settings) {
    this.nodeId = Topics.requireNodeId(nodeId);
    List<Topic<?, ?>> topics = new ArrayList<>(Topics.nodeTopics(nodeId));
    topics.addAll(Topics.hubTopics());
    provisioner.ensure(topics);
    Topology topology = PolicyTopology.build(nodeId, settings);
    LOG.debug("policy stream topology of node {}: {}", nodeId, topology.describe());
    this.streams = new KafkaStreams(topology, new StreamsConfig(props(nodeId, harborHome, kafka)));
    streams.setStateListener(this::onStateChange);
    streams.setUncaughtExceptionHandler(
        e -> {
          LOG.error("the policy stream of node {} failed and stops", nodeId, e);
          return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
    streams.start();
    LOG.info("policy stream of node {} started ({})", nodeId, settings);
  }

  /** The Kafka Streams application id of a node's policy stream. */
  public static String applicationId(String nodeId) {
    return "harbor-node-" + Topics.requireNodeId(nodeId) + "-policy";
  }

  /** Where a node's policy stream keeps its state. */
  public static Path stateDir(Path harborHome, String nodeId) {
    return harborHome.resolve("nodes").resolve(Topics.requireNodeId(nodeId)).resolve("policy-streams");
  }

  /** True while the stream runs: global stores loaded, commands being processed. */
  public boolean ready() {
    return streams.state() == KafkaStreams.State.RUNNING;
  }

  /** Waits until the stream first runs; false when the timeout passed first. */
  public boolean awaitReady(Duration timeout) throws InterruptedException {
    return running.await(timeout.toMillis(), TimeUnit.MILLISECONDS) && ready();
  }

  /** The Kafka Streams state, for health reports. */
  public KafkaStreams.State state() {
    return streams.state();
  }

  /**
   * Stops the stream, committing what it processed, and leaves the consumer group so that the next
   * start takes the commands over at once instead of waiting for this member's session to time out.
   */
  @PreDestroy
  @Override
  public void close() {
    streams.close(
        CloseOptions.timeout(CLOSE_TIMEOUT)
            .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
    LOG.info("policy stream of node {} stopped", nodeId);
  }

  private void onStateChange(KafkaStreams.State now, KafkaStreams.State before) {
    if (now == KafkaStreams.State.RUNNING) {
      running.countDown();
    } else if (now == KafkaStreams.State.ERROR) {
      LOG.error("the policy stream of node {} is in state {} (was {})", nodeId, now, before);
    }
  }

  private static Map<String, Object> props(String nodeId, Path harborHome, KafkaSettings kafka) {
    Map<String, Object> props = new HashMap<>(kafka.streamsProps(applicationId(nodeId), stateDir(harborHome, nodeId)));
    props.put(
        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
    return props;
  }
}
