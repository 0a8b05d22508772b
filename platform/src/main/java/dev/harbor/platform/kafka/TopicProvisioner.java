package dev.harbor.platform.kafka;

import dev.harbor.schemas.topics.Topic;
import dev.harbor.schemas.topics.TopicSpec;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure Harbor's topics exist as their contracts describe.
 *
 * <p>Missing topics are created with the spec's partitions, cleanup policy and configs, and the
 * replication factor and {@code min.insync.replicas} from {@link KafkaSettings}. Existing topics
 * are left as they are, except that a cleanup policy different from the spec is refused: a
 * compacted topic and a deleting one are different contracts, and Harbor never converts one into
 * the other. Safe to run from several processes at once.
 */
public final class TopicProvisioner {

  /** How long {@link #ensure} waits for the cluster unless told otherwise. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);

  private final KafkaSettings settings;
  private final AdminCalls calls;

  /** A provisioner that gives up on a silent cluster after {@link #DEFAULT_TIMEOUT}. */
  public TopicProvisioner(KafkaSettings settings) {
    this(settings, DEFAULT_TIMEOUT);
  }

  /**
   * A provisioner with its own time budget.
   *
   * @param settings the cluster to provision and the replication settings of new topics
   * @param timeout how long one {@link #ensure} call may wait for the cluster in total
   */
  public TopicProvisioner(KafkaSettings settings, Duration timeout) {
    this.settings = settings;
    this.calls = new AdminCalls(settings, timeout);
  }

  /**
   * Checks the cleanup policy of the topics that exist, then creates those that do not and waits
   * until every new partition has a leader. An existing topic with the wrong cleanup policy is
   * refused before anything is created; one that another client creates at the same moment is
   * checked right after.
   *
   * @throws IllegalStateException when an existing topic's cleanup policy differs from its spec,
   *     or when the cluster does not answer within the timeout or refuses a request
   */
  public void ensure(List<Topic<?, ?>> topics) {
    Map<String, TopicSpec> specs = specsByName(topics);
    if (specs.isEmpty()) {
      return;
    }
    long deadline = calls.deadline();
    Admin admin = calls.open();
    try {
      Set<String> listed = calls.await(admin.listTopics().names(), deadline, "listing topics");
      Set<String> existing = new TreeSet<>(specs.keySet());
      existing.retainAll(listed);
      verifyCleanupPolicies(admin, existing, specs, deadline);
      Map<String, TopicSpec> missing = new LinkedHashMap<>(specs);
      missing.keySet().removeAll(existing);
      if (!missing.isEmpty()) {
        Set<String> createdElsewhere = create(admin, missing, deadline);
        awaitLeaders(admin, missing.keySet(), deadline);
        verifyCleanupPolicies(admin, createdElsewhere, specs, deadline);
      }
    } finally {
      admin.close(Duration.ZERO);
    }
  }

  /** Creates the topics and returns those another process created first. */
  private Set<String> create(Admin admin, Map<String, TopicSpec> missing, long deadline) {
    List<NewTopic> newTopics =
        missing.entrySet().stream().map(e -> newTopic(e.getKey(), e.getValue())).toList();
    Map<String, KafkaFuture<Void>> results = admin.createTopics(newTopics).values();
    Set<String> createdElsewhere = new TreeSet<>();
    for (Map.Entry<String, KafkaFuture<Void>> result : results.entrySet()) {
      String name = result.getKey();
      try {
        calls.await(result.getValue(), deadline, "creating topic " + name);
        LOG.info("created topic {} ({})", name, missing.get(name));
      } catch (IllegalStateException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw e;
        }
        LOG.info("topic {} was created concurrently by another client", name);
        createdElsewhere.add(name);
      }
    }
    return createdElsewhere;
  }

  /**
   * Waits until the broker answering metadata requests knows the new topics and every partition
   * has a leader, so clients (Kafka Streams in particular) can use them as soon as this returns.
   */
  private void awaitLeaders(Admin admin, Set<String> names, long deadline) {
    String what = "waiting for the new topics " + names + " to get partition leaders";
    while (true) {
      try {
        Map<String, TopicDescription> descriptions =
            calls.await(admin.describeTopics(names).allTopicNames(), deadline, what);
        if (descriptions.values().stream().allMatch(TopicProvisioner::hasAllLeaders)) {
          return;
        }
      } catch (IllegalStateException e) {
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
          throw e;
        }
      }
      calls.pause(deadline, what);
    }
  }

  private static boolean hasAllLeaders(TopicDescription description) {
    return description.partitions().stream()
        .allMatch(p -> p.leader() != null && !p.leader().isEmpty());
  }

  private NewTopic newTopic(String name, TopicSpec spec) {
    Map<String, String> configs = new HashMap<>(spec.configs());
    configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, spec.cleanup().kafkaValue());
    configs.put(
        TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(settings.minInsyncReplicas()));
    return new NewTopic(name, spec.partitions(), settings.replicationFactor()).configs(configs);
  }

  private void verifyCleanupPolicies(
      Admin admin, Collection<String> names, Map<String, TopicSpec> specs, long deadline) {
    if (names.isEmpty()) {
      return;
    }
    List<ConfigResource> resources =
        names.stream().map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList();
    Map<ConfigResource, Config> configs =
        calls.await(
            admin.describeConfigs(resources).all(), deadline, "describing topics " + names);
    configs.forEach(
        (resource, config) -> {
          String name = resource.name();
          String expected = specs.get(name).cleanup().kafkaValue();
          ConfigEntry actual = config.get(TopicConfig.CLEANUP_POLICY_CONFIG);
          String actualValue = actual == null ? "" : actual.value();
          if (!policies(actualValue).equals(Set.of(expected))) {
            throw new IllegalStateException(
                "topic " + name + " exists with cleanup.policy '" + actualValue
                    + "' but its contract requires '" + expected
                    + "'; Harbor will not change it, fix or recreate the topic");
          }
        });
  }

  private static Set<String> policies(String value) {
    return Arrays.stream(value.split(","))
        .map(String::trim)
        .filter(p -> !p.isEmpty())
        .collect(Collectors.toSet());
  }

  private static Map<String, TopicSpec> specsByName(List<Topic<?, ?>> topics) {
    Map<String, TopicSpec> specs = new LinkedHashMap<>();
    for (Topic<?, ?> topic : topics) {
      TopicSpec previous = specs.putIfAbsent(topic.name(), topic.spec());
      if (previous != null && !previous.equals(topic.spec())) {
        throw new IllegalArgumentException(
            "topic " + topic.name() + " is listed twice with different specs");
      }
    }
    return specs;
  }
}
