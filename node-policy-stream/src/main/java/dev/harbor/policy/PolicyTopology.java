package dev.harbor.policy;

import dev.harbor.schemas.command.Command;
import dev.harbor.schemas.instance.Instance;
import dev.harbor.schemas.launch.LauncherEvent;
import dev.harbor.schemas.node.CatalogEntryState;
import dev.harbor.schemas.policy.PolicySet;
import dev.harbor.schemas.topics.Topic;
import dev.harbor.schemas.topics.Topics;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The node's policy stream as a Kafka Streams topology: every command on the node's commands topic
 * and every report on its launcher-events topic becomes instance changes, launcher orders,
 * catalog-state decisions and audit events, exactly once. Both inputs have one partition, so one
 * task reads them and owns every store.
 *
 * <pre>
 *   commands ────────┐
 *   launcher-events ─┴► policy-decider ──► instances-sink      (instances topic)
 *                 │   ▲          ├─► orders-sink         (orders topic)
 *                 │   │          ├─► catalog-state-sink  (catalog-state topic)
 *                 │   │          └─► audit-sink          (audit topic)
 *                 │   └─ global: catalog, policy, catalog-state as published
 *                 └─ local (changelogged): instances, live instance per entry,
 *                    approval deadlines, order in force per instance, catalog states
 * </pre>
 *
 * <p>The decider also runs a wall-clock punctuation that denies expired approval requests. Pure: it
 * builds the same topology for the same arguments, touching nothing.
 */
public final class PolicyTopology {

  /** Source of the node's commands. */
  public static final String COMMANDS_SOURCE = "commands-source";

  /** Source of the launcher's reports. */
  public static final String LAUNCHER_EVENTS_SOURCE = "launcher-events-source";

  /** The processor that decides every command and launcher report, and expires approvals. */
  public static final String DECIDER = "policy-decider";

  /** Sink of the instances topic. */
  public static final String INSTANCES_SINK = "instances-sink";

  /** Sink of the orders topic. */
  public static final String ORDERS_SINK = "orders-sink";

  /** Sink of the catalog-state topic. */
  public static final String CATALOG_STATE_SINK = "catalog-state-sink";

  /** Sink of the audit topic. */
  public static final String AUDIT_SINK = "audit-sink";

  /** Local store: instance id to the instance's current value. */
  public static final String INSTANCES_STORE = "policy-instances";

  /** Local store: catalog id to the id of the instance that holds the entry ({@link Lifecycle#isLive}). */
  public static final String LIVE_INSTANCES_STORE = "policy-live-instances";

  /** Local store: {@code <expiresAt millis, 19 digits>/<instance id>} to the instance id, for open approvals. */
  public static final String APPROVAL_DEADLINES_STORE = "policy-approval-deadlines";

  /** Local store: instance id to the last order sent for it, the order a launcher report must answer. */
  public static final String ORDERS_STORE = "policy-orders";

  /** Local store: catalog id to the node's enable/disable decision, as this stream made it. */
  public static final String CATALOG_STATE_STORE = "policy-catalog-state";

  /** Global store: the Hub catalog. */
  public static final String CATALOG_STORE = "policy-catalog";

  /** Global store: the node's published policy, under {@link PolicySet#KEY}. */
  public static final String POLICY_STORE = "policy-set";

  /**
   * Global store: the catalog-state topic as published, so decisions written before this stream
   * existed (by node-api) still count where the stream has made none of its own.
   */
  public static final String PUBLISHED_CATALOG_STATE_STORE = "policy-published-catalog-state";

  private PolicyTopology() {}

  /** The topology of node {@code nodeId}'s policy stream. */
  public static Topology build(String nodeId, PolicySettings settings) {
    Topics.requireNodeId(nodeId);
    Topic<String, Command> commands = Topics.commands(nodeId);
    Topic<String, Instance> instances = Topics.instances(nodeId);
    Topic<String, CatalogEntryState> catalogState = Topics.catalogState(nodeId);
    Topology topology = new Topology();
    addGlobal(topology, Topics.CATALOG, CATALOG_STORE);
    addGlobal(topology, Topics.policy(nodeId), POLICY_STORE);
    addGlobal(topology, catalogState, PUBLISHED_CATALOG_STATE_STORE);
    topology.addSource(
        COMMANDS_SOURCE, commands.keySerde().deserializer(), commands.valueSerde().deserializer(),
        commands.name());
    Topic<String, LauncherEvent> launcherEvents = Topics.launcherEvents(nodeId);
    topology.addSource(
        LAUNCHER_EVENTS_SOURCE, launcherEvents.keySerde().deserializer(),
        launcherEvents.valueSerde().deserializer(), launcherEvents.name());
    topology.addProcessor(
        DECIDER, () -> new CommandProcessor(nodeId, settings), COMMANDS_SOURCE, LAUNCHER_EVENTS_SOURCE);
    topology.addStateStore(local(INSTANCES_STORE, instances.valueSerde()), DECIDER);
    topology.addStateStore(local(LIVE_INSTANCES_STORE, Serdes.String()), DECIDER);
    topology.addStateStore(local(APPROVAL_DEADLINES_STORE, Serdes.String()), DECIDER);
    topology.addStateStore(local(CATALOG_STATE_STORE, catalogState.valueSerde()), DECIDER);
    topology.addStateStore(local(ORDERS_STORE, Topics.orders(nodeId).valueSerde()), DECIDER);
    addSink(topology, INSTANCES_SINK, instances);
    addSink(topology, ORDERS_SINK, Topics.orders(nodeId));
    addSink(topology, CATALOG_STATE_SINK, catalogState);
    addSink(topology, AUDIT_SINK, Topics.audit(nodeId));
    return topology;
  }

  private static <V> StoreBuilder<KeyValueStore<String, V>> local(String name, Serde<V> valueSerde) {
    return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), valueSerde);
  }

  private static <V> void addGlobal(Topology topology, Topic<String, V> topic, String storeName) {
    topology.addGlobalStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(storeName), Serdes.String(), topic.valueSerde())
            .withLoggingDisabled(),
        storeName + "-source",
        topic.keySerde().deserializer(),
        topic.valueSerde().deserializer(),
        topic.name(),
        storeName + "-updater",
        () -> new GlobalStoreUpdater<V>(storeName));
  }

  private static <V> void addSink(Topology topology, String name, Topic<String, V> topic) {
    topology.addSink(name, topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer(), DECIDER);
  }
}
