package dev.harbor.policy;

import dev.harbor.schemas.audit.AuditEvent;
import dev.harbor.schemas.instance.Instance;
import dev.harbor.schemas.launch.LaunchOrder;
import dev.harbor.schemas.node.CatalogEntryState;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Sends the policy stream's results to their sinks, each keyed as its topic's contract says. Event
 * and order ids derive from what caused them (the command's topic position, or the expiring
 * instance) and a running number, so reprocessing the same input makes the same ids.
 */
final class Outputs {

  private final ProcessorContext<String, Object> context;
  private final String nodeId;
  private final PolicyStores stores;
  private String cause = "";
  private int sequence;
  private Instant now = Instant.EPOCH;

  Outputs(ProcessorContext<String, Object> context, String nodeId, PolicyStores stores) {
    this.context = context;
    this.nodeId = nodeId;
    this.stores = stores;
  }

  /** Starts the results of one input: ids derive from {@code cause}; records carry {@code now}. */
  void begin(String cause, Instant now) {
    this.cause = cause;
    this.sequence = 0;
    this.now = now;
  }

  Instant now() {
    return now;
  }

  String nextId() {
    String seed = cause + "#" + sequence++;
    return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
  }

  void instance(Instance instance) {
    send(PolicyTopology.INSTANCES_SINK, instance.id(), instance);
  }

  /** Sends the order and remembers it as the instance's order in force. */
  void order(LaunchOrder order) {
    stores.saveOrder(order);
    send(PolicyTopology.ORDERS_SINK, order.instanceId(), order);
  }

  void catalogState(CatalogEntryState state) {
    send(PolicyTopology.CATALOG_STATE_SINK, state.catalogId(), state);
  }

  void audit(AuditDraft draft) {
    AuditEvent event = draft.build(nextId(), nodeId, now);
    send(PolicyTopology.AUDIT_SINK, event.subject(), event);
  }

  private void send(String sink, String key, Object value) {
    context.forward(new Record<>(key, value, now.toEpochMilli()), sink);
  }
}
