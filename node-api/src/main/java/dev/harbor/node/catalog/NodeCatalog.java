package dev.harbor.node.catalog;

import dev.harbor.node.NodeConfig;
import dev.harbor.node.NodeTopics;
import dev.harbor.node.mirror.ChangeFeed;
import dev.harbor.platform.catalog.CatalogIndex;
import dev.harbor.platform.catalog.CatalogQuery;
import dev.harbor.platform.catalog.Page;
import dev.harbor.platform.config.HarborConfig;
import dev.harbor.platform.kafka.KafkaSettings;
import dev.harbor.platform.mirror.MirrorListener;
import dev.harbor.platform.mirror.TopicMirror;
import dev.harbor.schemas.api.CatalogItem;
import dev.harbor.schemas.api.LocalState;
import dev.harbor.schemas.catalog.CatalogEntry;
import dev.harbor.schemas.node.CatalogEntryState;
import dev.harbor.schemas.topics.Topics;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The node's mirror: the Hub catalog topic and this node's catalog-state topic, both as RocksDB
 * global stores under {@code $HARBOR_HOME/nodes/<id>/streams}, with an in-memory search index beside
 * them. Ready once both topics have been read to the end they had when the node started. Changes of
 * the node's own state are published to subscribers (the event stream) and to requests waiting for
 * a change they asked for.
 */
@Singleton
@Requires(env = "node")
public class NodeCatalog {

  public static final String CATALOG_STORE = "node-catalog";
  public static final String STATE_STORE = "node-catalog-state";

  private final CatalogIndex index = new CatalogIndex();
  private final Map<String, CatalogEntryState> states = new ConcurrentHashMap<>();
  private final ChangeFeed<CatalogEntryState> stateChanges = new ChangeFeed<>();
  private final TopicMirror mirror;

  NodeCatalog(HarborConfig harbor, NodeConfig node, KafkaSettings settings, NodeTopics topics) {
    this.mirror =
        TopicMirror.builder(
                "harbor-node-" + node.getId() + "-catalog",
                settings,
                harbor.getHome().resolve("nodes").resolve(node.getId()).resolve("streams"))
            .mirror(Topics.CATALOG, CATALOG_STORE, index)
            .mirror(Topics.catalogState(node.getId()), STATE_STORE, new StateListener())
            .build()
            .start();
  }

  /** True once the catalog and this node's state topic have been read to the end they had at start. */
  public boolean ready() {
    return mirror.ready();
  }

  public Optional<CatalogItem> get(String id) {
    return index.get(id).map(this::item);
  }

  public Page<CatalogItem> search(CatalogQuery query, EnabledFilter filter) {
    return index.search(query, entry -> filter.accepts(enabled(entry.id()))).map(this::item);
  }

  public int size() {
    return index.size();
  }

  /** Every catalog entry with this node's state of it. */
  public List<CatalogItem> all() {
    return index.all().stream().map(this::item).toList();
  }

  /** This node's own state of an entry, when someone decided on it. */
  public Optional<CatalogEntryState> state(String catalogId) {
    return Optional.ofNullable(states.get(catalogId));
  }

  /**
   * Waits until this node's state of an entry satisfies {@code condition}.
   *
   * @return the state that did, or empty when {@code timeout} passed first
   */
  public Optional<CatalogEntryState> awaitState(
      String catalogId, Predicate<CatalogEntryState> condition, Duration timeout) {
    return stateChanges.await(() -> state(catalogId).filter(condition), timeout);
  }

  /** Follows every change of this node's state; close the subscription to stop. */
  public ChangeFeed.Subscription subscribeStates(ChangeFeed.Listener<CatalogEntryState> listener) {
    return stateChanges.subscribe(listener);
  }

  private boolean enabled(String id) {
    CatalogEntryState state = states.get(id);
    return state == null || state.enabled();
  }

  private CatalogItem item(CatalogEntry entry) {
    return new CatalogItem(entry, LocalState.of(states.get(entry.id()), entry.updatedAt()));
  }

  @PreDestroy
  void close() {
    mirror.close();
  }

  private final class StateListener implements MirrorListener<CatalogEntryState> {
    @Override
    public void upsert(String key, CatalogEntryState value) {
      stateChanges.publish(states.put(key, value), value);
    }

    @Override
    public void remove(String key) {
      CatalogEntryState before = states.remove(key);
      if (before != null) {
        stateChanges.publish(before, null);
      }
    }
  }
}
