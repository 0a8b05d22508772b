package dev.harbor.policy;

import dev.harbor.schemas.catalog.CatalogEntry;
import dev.harbor.schemas.instance.Approval;
import dev.harbor.schemas.instance.ApprovalState;
import dev.harbor.schemas.instance.Instance;
import dev.harbor.schemas.instance.InstanceStatus;
import dev.harbor.schemas.launch.LaunchOrder;
import dev.harbor.schemas.node.CatalogEntryState;
import dev.harbor.schemas.policy.PolicySet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * What the policy stream reads and keeps: its own instances with two indexes (the live instance of
 * each catalog entry, open approvals by deadline), the order in force for each instance, the node's
 * catalog states, and the global catalog and policy. Saving an instance keeps both indexes in step.
 */
final class PolicyStores {

  private static final String DEADLINE_FORMAT = "%019d/%s";

  private final String nodeId;
  private final KeyValueStore<String, Instance> instances;
  private final KeyValueStore<String, String> liveByCatalog;
  private final KeyValueStore<String, String> deadlines;
  private final KeyValueStore<String, CatalogEntryState> catalogStates;
  private final KeyValueStore<String, CatalogEntryState> publishedCatalogStates;
  private final KeyValueStore<String, CatalogEntry> catalog;
  private final KeyValueStore<String, PolicySet> policy;
  private final KeyValueStore<String, LaunchOrder> orders;

  private PolicyStores(String nodeId, ProcessingContext context) {
    this.nodeId = nodeId;
    this.instances = context.getStateStore(PolicyTopology.INSTANCES_STORE);
    this.liveByCatalog = context.getStateStore(PolicyTopology.LIVE_INSTANCES_STORE);
    this.deadlines = context.getStateStore(PolicyTopology.APPROVAL_DEADLINES_STORE);
    this.catalogStates = context.getStateStore(PolicyTopology.CATALOG_STATE_STORE);
    this.publishedCatalogStates = context.getStateStore(PolicyTopology.PUBLISHED_CATALOG_STATE_STORE);
    this.catalog = context.getStateStore(PolicyTopology.CATALOG_STORE);
    this.policy = context.getStateStore(PolicyTopology.POLICY_STORE);
    this.orders = context.getStateStore(PolicyTopology.ORDERS_STORE);
  }

  static PolicyStores open(String nodeId, ProcessingContext context) {
    return new PolicyStores(nodeId, context);
  }

  Optional<Instance> instance(String id) {
    return id == null || id.isBlank() ? Optional.empty() : Optional.ofNullable(instances.get(id));
  }

  Optional<CatalogEntry> entry(String catalogId) {
    return catalogId == null || catalogId.isBlank()
        ? Optional.empty()
        : Optional.ofNullable(catalog.get(catalogId));
  }

  /**
   * The node's decision about an entry: the stream's own, else what the catalog-state topic held
   * before the stream wrote it (decisions node-api made before the stream existed).
   */
  Optional<CatalogEntryState> entryState(String catalogId) {
    CatalogEntryState own = catalogStates.get(catalogId);
    return own != null ? Optional.of(own) : Optional.ofNullable(publishedCatalogStates.get(catalogId));
  }

  void saveEntryState(CatalogEntryState state) {
    catalogStates.put(state.catalogId(), state);
  }

  /** The published policy, or the defaults while none is. */
  PolicySet policy(Instant now) {
    PolicySet published = policy.get(PolicySet.KEY);
    return published != null ? published : PolicyDefaults.policySet(nodeId, now);
  }

  /** The instance that holds the catalog entry (see {@link Lifecycle#isLive}), if any. */
  Optional<Instance> liveInstanceOf(String catalogId) {
    String id = liveByCatalog.get(catalogId);
    return instance(id).filter(i -> Lifecycle.isLive(i.status()));
  }

  /** Stores the instance's new value and brings the indexes up to date. */
  void save(Instance next) {
    Instance previous = instances.get(next.id());
    instances.put(next.id(), next);
    if (Lifecycle.isLive(next.status())) {
      liveByCatalog.put(next.catalogId(), next.id());
    } else if (next.id().equals(liveByCatalog.get(next.catalogId()))) {
      liveByCatalog.delete(next.catalogId());
    }
    if (previous != null && isOpenApproval(previous)) {
      deadlines.delete(deadlineKey(previous.approval(), previous.id()));
    }
    if (isOpenApproval(next)) {
      deadlines.put(deadlineKey(next.approval(), next.id()), next.id());
    }
  }

  /** The order in force for the instance: the last one this stream sent for it. */
  Optional<LaunchOrder> currentOrder(String instanceId) {
    return Optional.ofNullable(orders.get(instanceId));
  }

  /** Remembers the order just sent as the instance's order in force. */
  void saveOrder(LaunchOrder order) {
    orders.put(order.instanceId(), order);
  }

  /** An approval deadline that has passed: its index key and the instance it belongs to. */
  record Due(String key, String instanceId) {}

  /** Approval deadlines at or before {@code now}, earliest first. */
  List<Due> dueApprovals(Instant now) {
    List<Due> due = new ArrayList<>();
    String from = String.format(DEADLINE_FORMAT, 0, "");
    String to = String.format(DEADLINE_FORMAT, now.toEpochMilli(), "\uffff");
    try (KeyValueIterator<String, String> passed = deadlines.range(from, to)) {
      while (passed.hasNext()) {
        KeyValue<String, String> next = passed.next();
        due.add(new Due(next.key, next.value));
      }
    }
    return due;
  }

  /** Drops a deadline whose instance no longer waits for approval. */
  void forget(Due due) {
    deadlines.delete(due.key());
  }

  private static boolean isOpenApproval(Instance instance) {
    return instance.status() == InstanceStatus.PENDING_APPROVAL
        && instance.approval() != null
        && instance.approval().state() == ApprovalState.PENDING;
  }

  private static String deadlineKey(Approval approval, String instanceId) {
    return String.format(DEADLINE_FORMAT, approval.expiresAt().toEpochMilli(), instanceId);
  }
}
