package dev.harbor.node.instance;

import dev.harbor.node.NodeConfig;
import dev.harbor.node.NodeTopics;
import dev.harbor.node.mirror.ChangeFeed;
import dev.harbor.platform.catalog.Page;
import dev.harbor.platform.config.HarborConfig;
import dev.harbor.platform.kafka.KafkaSettings;
import dev.harbor.platform.mirror.MirrorListener;
import dev.harbor.platform.mirror.TopicMirror;
import dev.harbor.policy.Lifecycle;
import dev.harbor.schemas.instance.Instance;
import dev.harbor.schemas.instance.InstanceStatus;
import dev.harbor.schemas.topics.Topics;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * The node's mirror of its instances topic (written by the policy stream): a RocksDB global store
 * under {@code $HARBOR_HOME/nodes/<id>/streams} with an in-memory index beside it (by id, by catalog
 * entry, by status). Ready once the topic has been read to the end it had when the node started.
 * Every change is published to subscribers (the event stream) and to requests waiting for the effect
 * of a command they sent.
 */
@Singleton
@Requires(env = "node")
public class NodeInstances {

  public static final String STORE = "node-instances";

  private static final Comparator<Instance> NEWEST_FIRST =
      Comparator.comparing(Instance::createdAt).reversed().thenComparing(Instance::id);
  private static final Comparator<Instance> OLDEST_REQUEST_FIRST =
      Comparator.comparing((Instance i) -> i.approval() == null ? i.createdAt() : i.approval().requestedAt())
          .thenComparing(Instance::id);

  private final Map<String, Instance> byId = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> byCatalog = new ConcurrentHashMap<>();
  private final Map<InstanceStatus, Set<String>> byStatus = new EnumMap<>(InstanceStatus.class);
  private final ChangeFeed<Instance> changes = new ChangeFeed<>();
  private final TopicMirror mirror;

  NodeInstances(HarborConfig harbor, NodeConfig node, KafkaSettings settings, NodeTopics topics) {
    for (InstanceStatus status : InstanceStatus.values()) {
      byStatus.put(status, ConcurrentHashMap.newKeySet());
    }
    this.mirror =
        TopicMirror.builder(
                "harbor-node-" + node.getId() + "-instances",
                settings,
                harbor.getHome().resolve("nodes").resolve(node.getId()).resolve("streams"))
            .mirror(Topics.instances(node.getId()), STORE, new Indexer())
            .build()
            .start();
  }

  /** True once the instances topic has been read to the end it had at start. */
  public boolean ready() {
    return mirror.ready();
  }

  public Optional<Instance> get(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** One page of the instances that pass the query's filters, newest first. */
  public Page<Instance> list(InstanceQuery query) {
    List<Instance> matching =
        resolve(candidates(query)).stream().filter(query::accepts).sorted(NEWEST_FIRST).toList();
    int from = (int) Math.min((long) query.page() * query.size(), matching.size());
    int to = Math.min(from + query.size(), matching.size());
    return new Page<>(matching.subList(from, to), query.page(), query.size(), matching.size());
  }

  /** Every instance in one of the given statuses, the oldest first. */
  public List<Instance> inStatus(InstanceStatus... statuses) {
    return java.util.Arrays.stream(statuses)
        .flatMap(status -> resolve(byStatus.get(status)).stream().filter(i -> i.status() == status))
        .sorted(NEWEST_FIRST.reversed())
        .toList();
  }

  /** Instances waiting for an operator's approval, the longest-waiting first. */
  public List<Instance> pendingApprovals() {
    return resolve(byStatus.get(InstanceStatus.PENDING_APPROVAL)).stream()
        .filter(i -> i.status() == InstanceStatus.PENDING_APPROVAL)
        .sorted(OLDEST_REQUEST_FIRST)
        .toList();
  }

  /** The newest instance of a catalog entry that still holds it ({@link Lifecycle#isLive}). */
  public Optional<Instance> liveFor(String catalogId) {
    return resolve(byCatalog.getOrDefault(catalogId, Set.of())).stream()
        .filter(i -> i.catalogId().equals(catalogId) && Lifecycle.isLive(i.status()))
        .min(NEWEST_FIRST);
  }

  /**
   * Waits until the instance exists and satisfies {@code condition}.
   *
   * @return the instance that did, or empty when {@code timeout} passed first
   */
  public Optional<Instance> await(String id, Predicate<Instance> condition, Duration timeout) {
    return changes.await(() -> get(id).filter(condition), timeout);
  }

  /**
   * Waits until the instance has shown a change made for the command with this correlation id, even
   * one a later change has already replaced.
   *
   * @return the instance as it is now, or empty when {@code timeout} passed first
   */
  public Optional<Instance> awaitCommand(String id, String correlationId, Duration timeout) {
    Predicate<Instance> madeByCommand = i -> i.id().equals(id) && correlationId.equals(i.lastCorrelationId());
    AtomicBoolean seen = new AtomicBoolean();
    try (ChangeFeed.Subscription watch =
        changes.subscribe((before, after) -> seen.compareAndSet(false, after != null && madeByCommand.test(after)))) {
      return changes.await(
          () -> seen.get() || get(id).filter(madeByCommand).isPresent() ? get(id) : Optional.empty(), timeout);
    }
  }

  /** Follows every change of every instance; close the subscription to stop. */
  public ChangeFeed.Subscription subscribe(ChangeFeed.Listener<Instance> listener) {
    return changes.subscribe(listener);
  }

  private Collection<String> candidates(InstanceQuery query) {
    if (query.status() != null) {
      return byStatus.get(query.status());
    }
    if (query.catalogId() != null) {
      return byCatalog.getOrDefault(query.catalogId(), Set.of());
    }
    return byId.keySet();
  }

  private List<Instance> resolve(Collection<String> ids) {
    return ids.stream().map(byId::get).filter(i -> i != null).toList();
  }

  @PreDestroy
  void close() {
    mirror.close();
  }

  /** Keeps the index in step with the store; runs on the mirror's thread only. */
  private final class Indexer implements MirrorListener<Instance> {
    @Override
    public void upsert(String key, Instance value) {
      Instance before = byId.put(key, value);
      if (before != null) {
        if (before.status() != value.status()) {
          byStatus.get(before.status()).remove(key);
        }
        if (!before.catalogId().equals(value.catalogId())) {
          unindexCatalog(before.catalogId(), key);
        }
      }
      byCatalog.computeIfAbsent(value.catalogId(), c -> ConcurrentHashMap.newKeySet()).add(key);
      byStatus.get(value.status()).add(key);
      changes.publish(before, value);
    }

    @Override
    public void remove(String key) {
      Instance before = byId.remove(key);
      if (before != null) {
        byStatus.get(before.status()).remove(key);
        unindexCatalog(before.catalogId(), key);
        changes.publish(before, null);
      }
    }

    private void unindexCatalog(String catalogId, String key) {
      byCatalog.computeIfPresent(catalogId, (c, ids) -> {
        ids.remove(key);
        return ids.isEmpty() ? null : ids;
      });
    }
  }
}
