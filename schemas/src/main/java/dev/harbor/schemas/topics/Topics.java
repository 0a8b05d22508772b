package dev.harbor.schemas.topics;

import dev.harbor.schemas.audit.AuditEvent;
import dev.harbor.schemas.catalog.CatalogEntry;
import dev.harbor.schemas.command.Command;
import dev.harbor.schemas.instance.Instance;
import dev.harbor.schemas.launch.LaunchOrder;
import dev.harbor.schemas.launch.LauncherEvent;
import dev.harbor.schemas.policy.PolicySet;
import dev.harbor.schemas.json.JsonSerde;
import dev.harbor.schemas.node.CatalogEntryState;
import dev.harbor.schemas.node.NodeIds;
import dev.harbor.schemas.topics.TopicSpec.CleanupPolicy;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The registry of every Harbor topic. Global topics are constants; node topics live in the node's
 * namespace {@code harbor.node.<nodeId>.*} and are made per node by the factory methods.
 */
public final class Topics {

  /** Node ids: lower-case letters, digits and dashes, so they fit topic names, labels and paths. */
  public static final Pattern NODE_ID = NodeIds.PATTERN;

  public static final String HUB = "hub-catalog-publisher";
  public static final String NODE_API = "node-api";
  public static final String NODE_POLICY_STREAM = "node-policy-stream";
  public static final String NODE_LAUNCHER = "node-launcher";

  /** The Hub catalog: compacted, keyed by catalog id; a tombstone removes the entry everywhere. */
  public static final Topic<String, CatalogEntry> CATALOG =
      new Topic<>(
          "harbor.catalog.entries.v1",
          Serdes.String(),
          JsonSerde.of(CatalogEntry.class),
          new TopicSpec(
              CleanupPolicy.COMPACT,
              3,
              Map.of("min.compaction.lag.ms", "0", "max.message.bytes", "1048576")),
          HUB,
          "catalog-entry.v1.schema.json");

  /** Requests and orders: one partition for order, kept a week. */
  private static final TopicSpec COMMANDS_SPEC =
      new TopicSpec(CleanupPolicy.DELETE, 1, Map.of("retention.ms", String.valueOf(7L * 24 * 3600 * 1000)));

  private static final TopicSpec NODE_STATE_SPEC =
      new TopicSpec(CleanupPolicy.COMPACT, 1, Map.of());

  /** Audit is history: never compacted, kept for a year by default, replayable from offset 0. */
  private static final TopicSpec AUDIT_SPEC =
      new TopicSpec(
          CleanupPolicy.DELETE, 3, Map.of("retention.ms", String.valueOf(365L * 24 * 3600 * 1000)));

  /** Topics whose names match this belong to some node's audit trail (for fleet-wide views). */
  public static final Pattern ALL_NODE_AUDIT =
      Pattern.compile("harbor\\.node\\." + NODE_ID.pattern() + "\\.audit\\.v1");

  /** Topics whose names match this hold some node's catalog state (for fleet-wide views). */
  public static final Pattern ALL_NODE_CATALOG_STATE =
      Pattern.compile("harbor\\.node\\." + NODE_ID.pattern() + "\\.catalog-state\\.v1");

  private Topics() {}

  /** The node's enable/disable decisions: compacted, keyed by catalog id. */
  public static Topic<String, CatalogEntryState> catalogState(String nodeId) {
    return new Topic<>(
        nodeTopic(nodeId, "catalog-state.v1"),
        Serdes.String(),
        JsonSerde.of(CatalogEntryState.class),
        NODE_STATE_SPEC,
        NODE_POLICY_STREAM,
        "catalog-entry-state.v1.schema.json");
  }

  /**
   * The node's append-only audit trail, keyed by {@link AuditEvent#subject()}: the instance id, else
   * the catalog id, else the node id, so one subject's events stay in order on one partition.
   */
  public static Topic<String, AuditEvent> audit(String nodeId) {
    return new Topic<>(
        nodeTopic(nodeId, "audit.v1"),
        Serdes.String(),
        JsonSerde.of(AuditEvent.class),
        AUDIT_SPEC,
        NODE_POLICY_STREAM,
        "audit-event.v1.schema.json");
  }

  /**
   * Requests to the node as the REST layer received them, keyed by {@link Command#subject()}. One
   * partition: the node's policy stream sees them in order.
   */
  public static Topic<String, Command> commands(String nodeId) {
    return new Topic<>(
        nodeTopic(nodeId, "commands.v1"),
        Serdes.String(),
        JsonSerde.of(Command.class),
        COMMANDS_SPEC,
        NODE_API,
        "command.v1.schema.json");
  }

  /** The node's instances, compacted, keyed by instance id; removed instances stay. */
  public static Topic<String, Instance> instances(String nodeId) {
    return new Topic<>(
        nodeTopic(nodeId, "instances.v1"),
        Serdes.String(),
        JsonSerde.of(Instance.class),
        NODE_STATE_SPEC,
        NODE_POLICY_STREAM,
        "instance.v1.schema.json");
  }

  /**
   * Orders to the node's launcher, keyed by instance id and compacted: the latest order of each
   * instance is what the launcher is to make true, however long ago it was given.
   */
  public static Topic<String, LaunchOrder> orders(String nodeId) {
    return new Topic<>(
        nodeTopic(nodeId, "orders.v1"),
        Serdes.String(),
        JsonSerde.of(LaunchOrder.class),
        NODE_STATE_SPEC,
        NODE_POLICY_STREAM,
        "launch-order.v1.schema.json");
  }

  /**
   * The launcher's reports (container started, unhealthy, failed, removed, secrets missing), keyed by
   * instance id. One partition, like the commands: the policy stream reads both in one task.
   */
  public static Topic<String, LauncherEvent> launcherEvents(String nodeId) {
    return new Topic<>(
        nodeTopic(nodeId, "launcher-events.v1"),
        Serdes.String(),
        JsonSerde.of(LauncherEvent.class),
        COMMANDS_SPEC,
        NODE_LAUNCHER,
        "launcher-event.v1.schema.json");
  }

  /** The node's policy, compacted, one record under {@link PolicySet#KEY}. */
  public static Topic<String, PolicySet> policy(String nodeId) {
    return new Topic<>(
        nodeTopic(nodeId, "policy.v1"),
        Serdes.String(),
        JsonSerde.of(PolicySet.class),
        NODE_STATE_SPEC,
        NODE_API,
        "policy-set.v1.schema.json");
  }

  /** Every topic a node uses, for provisioning. */
  public static List<Topic<?, ?>> nodeTopics(String nodeId) {
    return List.of(
        catalogState(nodeId), audit(nodeId), commands(nodeId), instances(nodeId), orders(nodeId),
        launcherEvents(nodeId), policy(nodeId));
  }

  /** Every topic the Hub uses, for provisioning. */
  public static List<Topic<?, ?>> hubTopics() {
    return List.of(CATALOG);
  }

  /** {@link NodeIds#require}, for code that names a node's topics. */
  public static String requireNodeId(String nodeId) {
    return NodeIds.require(nodeId);
  }

  private static String nodeTopic(String nodeId, String suffix) {
    return "harbor.node." + requireNodeId(nodeId) + "." + suffix;
  }
}
