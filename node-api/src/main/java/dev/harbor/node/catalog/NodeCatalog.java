package dev.harbor.node.catalog;

import dev.harbor.node.NodeConfig;
import dev.harbor.platform.catalog.CatalogIndex;
import dev.harbor.platform.catalog.CatalogQuery;
import dev.harbor.platform.catalog.Page;
import dev.harbor.platform.config.HarborConfig;
import dev.harbor.platform.health.Readiness;
import dev.harbor.platform.kafka.KafkaSettings;
import dev.harbor.platform.kafka.TopicProvisioner;
import dev.harbor.platform.mirror.MirrorListener;
import dev.harbor.platform.mirror.TopicMirror;
import dev.harbor.schemas.catalog.CatalogEntry;
import dev.harbor.schemas.node.CatalogEntryState;
import dev.harbor.schemas.topics.Topics;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.TopicPartition;

/**
 * The node's mirror: the Hub catalog topic and this node's catalog-state topic, both as RocksDB
 * global stores under {@code $HARBOR_HOME/nodes/<id>/streams}, with an in-memory search index beside
 * them. Ready once both topics have been read to the end they had when the node started.
 */
@Singleton
@Requires(env = "node")
public class NodeCatalog implements Readiness {

  public static final String CATALOG_STORE = "node-catalog";
  public static final String STATE_STORE = "node-catalog-state";

  private final CatalogIndex index = new CatalogIndex();
  private final Map<String, CatalogEntryState> states = new ConcurrentHashMap<>();
  private final TopicMirror mirror;

  NodeCatalog(HarborConfig harbor, NodeConfig node, KafkaSettings settings, TopicProvisioner topics) {
    List<dev.harbor.schemas.topics.Topic<?, ?>> needed = new ArrayList<>(Topics.hubTopics());
    needed.addAll(Topics.nodeTopics(node.getId()));
    topics.ensure(needed);
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

  @Override
  public boolean ready() {
    return mirror.ready();
  }

  public Optional<NodeCatalogItem> get(String id) {
    return index.get(id).map(this::item);
  }

  public Page<NodeCatalogItem> search(CatalogQuery query, EnabledFilter filter) {
    return index.search(query, entry -> filter.accepts(enabled(entry.id()))).map(this::item);
  }

  public int size() {
    return index.size();
  }

  /** Waits until this node's view has applied the given offsets (read-your-writes for its own state). */
  boolean awaitApplied(Map<TopicPartition, Long> offsets, Duration timeout) throws InterruptedException {
    return mirror.awaitApplied(offsets, timeout);
  }

  private boolean enabled(String id) {
    CatalogEntryState state = states.get(id);
    return state == null || state.enabled();
  }

  private NodeCatalogItem item(CatalogEntry entry) {
    return new NodeCatalogItem(entry, LocalState.of(states.get(entry.id()), entry.updatedAt()));
  }

  @PreDestroy
  void close() {
    mirror.close();
  }

  private final class StateListener implements MirrorListener<CatalogEntryState> {
    @Override
    public void upsert(String key, CatalogEntryState value) {
      states.put(key, value);
    }

    @Override
    public void remove(String key) {
      states.remove(key);
    }
  }
}
